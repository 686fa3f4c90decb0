#ifndef YLYTIC_CNCURSESW_SHIM_H
#define YLYTIC_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
// Debian and Fedora put the wide-character ncurses under ncursesw/; macOS (and Homebrew's keg) has it as curses.h.
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

// Macros and globals that Swift cannot reach directly.
static inline WINDOW *ylytic_stdscr(void) { return stdscr; }
static inline int ylytic_lines(void) { return LINES; }
static inline int ylytic_cols(void) { return COLS; }
static inline int ylytic_colors(void) { return COLORS; }
static inline int ylytic_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t ylytic_attr_normal(void) { return A_NORMAL; }
static inline attr_t ylytic_attr_bold(void) { return A_BOLD; }
static inline attr_t ylytic_attr_dim(void) { return A_DIM; }
static inline attr_t ylytic_attr_reverse(void) { return A_REVERSE; }
static inline attr_t ylytic_attr_underline(void) { return A_UNDERLINE; }

/// The columns the C library gives a character (-1 for one it does not know).
static inline int ylytic_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/// Draws one character cell (a spacing character and up to four combining ones).
static inline int ylytic_put_cell(int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) {
        wchar_t fallback[2] = { text[0], 0 };
        if (setcchar(&cell, fallback, attributes, pair, NULL) != OK) return ERR;
    }
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// Writes text that no `cchar_t` can hold (an emoji picture, a cell of many marks) straight
/// to the terminal at a cell, after everything ncurses has sent: moves there by absolute
/// address, and afterwards to the column `columns` further on, by absolute address too, so
/// that whatever width the terminal gave the text, what follows lands where it belongs.
/// The caller calls `ylytic_flush_text` when done.
static inline void ylytic_put_text_at(int y, int x, int columns, const char *utf8, attr_t attributes, short pair) {
    mvcur(-1, -1, y, x);
    vid_attr(attributes, pair, NULL);
    fputs(utf8, stdout);
    vid_attr(A_NORMAL, 0, NULL);
    mvcur(-1, -1, y, x + columns);
}

/// Writes a control sequence ncurses knows nothing of (mouse modes) straight to the terminal.
static inline void ylytic_write_raw(const char *sequence) {
    fputs(sequence, stdout);
    fflush(stdout);
}

/// Sends what `ylytic_put_text_at` wrote.
static inline void ylytic_flush_text(void) { fflush(stdout); }

/// Asks ncurses for presses and releases of the left button and the wheel, reported at
/// once (no waiting to tell clicks from presses); ncurses turns the terminal's mouse mode on.
static inline void ylytic_mouse_on(void) {
    mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}

/// Turns the mouse off again.
static inline void ylytic_mouse_off(void) { mousemask(0, NULL); }

/// The mouse event ncurses read (after KEY_MOUSE): 1 left press (or a click, which ncurses
/// makes of a press and a release read together), 2 left release, 4 wheel up, 5 wheel down,
/// 0 anything else; its cell in `x` and `y`.
static inline int ylytic_get_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON1_RELEASED) return 2;
    if (event.bstate & BUTTON4_PRESSED) return 4;
    if (event.bstate & BUTTON5_PRESSED) return 5;
    return 0;
}

/// Reads one key without waiting: returns KEY_CODE_YES for a function key, OK for a character, ERR for none.
static inline int ylytic_get_key(wint_t *key) { return wget_wch(stdscr, key); }

#endif
