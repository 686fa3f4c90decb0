#ifndef YLYTIC_CNCURSESW_SHIM_H
#define YLYTIC_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

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

/// Draws one character cell (a spacing character and up to four combining ones).
static inline int ylytic_put_cell(int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) {
        wchar_t fallback[2] = { text[0], 0 };
        if (setcchar(&cell, fallback, attributes, pair, NULL) != OK) return ERR;
    }
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// Reads one key without waiting: returns KEY_CODE_YES for a function key, OK for a character, ERR for none.
static inline int ylytic_get_key(wint_t *key) { return wget_wch(stdscr, key); }

#endif
