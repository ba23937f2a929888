// SPDX-License-Identifier: Apache-2.0
#include "signal_flags.h"
#include <signal.h>

static volatile sig_atomic_t termination_signal = 0;
static volatile sig_atomic_t suspend_pending = 0;
static volatile sig_atomic_t continue_pending = 0;
static volatile sig_atomic_t curses_active = 0;

void lede_record_termination(int number) {
    if (termination_signal == 0) termination_signal = number;
}

void lede_record_suspend(int number) {
    (void)number;
    suspend_pending = 1;
}

void lede_record_continue(int number) {
    (void)number;
    continue_pending = 1;
}

int lede_termination_signal(void) { return termination_signal; }

int lede_take_suspend(void) {
    int pending = suspend_pending;
    suspend_pending = 0;
    return pending;
}

int lede_take_continue(void) {
    int pending = continue_pending;
    continue_pending = 0;
    return pending;
}

void lede_clear_continue(void) { continue_pending = 0; }

void lede_set_curses_active(int active) { curses_active = active; }

int lede_take_curses_active(void) {
    int active = curses_active;
    curses_active = 0;
    return active;
}
