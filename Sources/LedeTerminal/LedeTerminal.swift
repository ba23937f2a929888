// LedeTerminal is the only module that touches curses.
