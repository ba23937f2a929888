// SPDX-License-Identifier: Apache-2.0
// Wide-character curses for Swift. pkg-config's -D flags do not reach the
// Clang importer, so the defines that switch on the wide API live here.
#ifndef LEDE_CNCURSESW_SHIM_H
#define LEDE_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <signal.h>
#include <wchar.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

// Macros and globals Swift cannot import directly.
static inline WINDOW *lede_stdscr(void) { return stdscr; }
static inline WINDOW *lede_curscr(void) { return curscr; }
// initscr without its "Error opening terminal" and exit: NULL when curses cannot start.
static inline SCREEN *lede_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int lede_lines(void) { return LINES; }
static inline int lede_cols(void) { return COLS; }
static inline int lede_colors(void) { return COLORS; }
static inline int lede_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t lede_a_bold(void) { return A_BOLD; }
static inline attr_t lede_a_dim(void) { return A_DIM; }
static inline attr_t lede_a_italic(void) { return A_ITALIC; }
static inline attr_t lede_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lede_a_reverse(void) { return A_REVERSE; }
static inline attr_t lede_a_normal(void) { return A_NORMAL; }
static inline int lede_key_resize(void) { return KEY_RESIZE; }
static inline int lede_key_mouse(void) { return KEY_MOUSE; }
static inline int lede_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t lede_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
/* A click is the press (or curses' own click): counting the release as well made one click act twice. */
static inline mmask_t lede_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline mmask_t lede_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t lede_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}

// Draw one grapheme (up to 5 code points) with attributes and colour pair.
static inline int lede_put_grapheme(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cell;
    // ncurses 6.1+: a non-NULL opts pointer carries the (extended) pair number.
    if (setcchar(&cell, wch, attrs, 0, &pair) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

// True when `number` is ignored (SIG_IGN), as a parent without job control
// or nohup leaves it: such a signal is to stay ignored.
static inline int lede_signal_ignored(int number) {
    struct sigaction current;
    return sigaction(number, NULL, &current) == 0 && current.sa_handler == SIG_IGN;
}

// From <term.h>, which is not included: its capability macros (`lines`,
// `columns`, `tab`, `bell`...) are common words.
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);

// Looks `name` up in terminfo without writing to the terminal and without
// exiting (initscr prints "Error opening terminal" and exits): 1 when curses
// can draw on it (cursor addressing, not hardcopy), 0 when it is known but
// cannot (`dumb`), -1 when terminfo does not know it, -2 when there is no
// terminfo database at all.
static inline int lede_terminfo_status(const char *name, int fd) {
    struct term *before = set_curterm(NULL);
    int error = 0;
    int status;
    if (setupterm(name, fd, &error) != OK) {
        status = error == 1 ? 0 : (error == 0 ? -1 : -2);
    } else {
        const char *address = tigetstr("cup");
        int hardcopy = tigetflag("hc");
        status = (address != NULL && address != (char *)-1 && hardcopy != 1) ? 1 : 0;
        del_curterm(set_curterm(before));
    }
    set_curterm(before);
    return status;
}

#endif
