// SPDX-License-Identifier: Apache-2.0
// Flags written from signal handlers and read by LedeTerminal's event loop.
// A handler may only write `volatile sig_atomic_t` (C11 7.14.1.1); Swift has
// neither, so the flags live here, behind functions, and the handlers that
// set them are C functions too.
#ifndef LEDE_SIGNAL_FLAGS_H
#define LEDE_SIGNAL_FLAGS_H

// Handlers, for sigaction: each only records that its signal came.
/// A signal whose default action ends the process: the first one is kept.
void lede_record_termination(int number);
/// SIGTSTP from outside (`kill -TSTP`): the loop suspends at its next poll.
void lede_record_suspend(int number);
/// SIGCONT: the shell may have changed the terminal's modes and screen while lede was stopped.
void lede_record_continue(int number);

/// The first terminating signal that came, or 0.
int lede_termination_signal(void);
/// Whether a SIGTSTP is waiting; clears it.
int lede_take_suspend(void);
/// Whether a SIGCONT is waiting; clears it.
int lede_take_continue(void);
/// Forgets a SIGCONT that came before lede stopped itself.
void lede_clear_continue(void);

/// Whether curses owns the terminal, so a fatal signal's handler knows to restore it.
void lede_set_curses_active(int active);
/// Whether curses owned the terminal; it no longer does (the terminal is being restored).
int lede_take_curses_active(void);

#endif
