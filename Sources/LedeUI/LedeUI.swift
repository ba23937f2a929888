// LedeUI owns browser state, actions, the keymap, update, layout, widgets and themes. No curses.
