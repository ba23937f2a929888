# Builds lede and installs it with its resource bundles (samples, data, themes)
# where the binary finds them, its man page and its shell completions:
#
#   make install PREFIX=/usr/local      # release build, then install
#   make uninstall PREFIX=/usr/local    # removes exactly what install put there
#
# The binary and its bundles go to $(PREFIX)/lib/lede/ (SwiftPM looks for
# bundles beside the executable, following the link), with a link in
# $(PREFIX)/bin. The man page and the completions are written by the installed
# binary itself (`lede manual`, `lede --generate-completion-script`), so they
# always describe the build they come with. CONFIGURATION=debug installs a
# debug build, and NO_BUILD=1 installs what is already built (the tests do both).
#
# lede --version prints the commit from lede.commit beside the binary: COMMIT,
# by default the checkout's (with -dirty for uncommitted changes; nothing
# outside a git checkout). A plain `swift build` has no such file and prints
# only the version: SwiftPM cannot pass a value into the code without a build
# plugin.

PREFIX ?= /usr/local
CONFIGURATION ?= release
BUILD_DIR = .build/$(CONFIGURATION)
LIBDIR = $(DESTDIR)$(PREFIX)/lib/lede
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
BUNDLES = lede_lede.resources lede_LedeModel.resources lede_LedeConfig.resources GRDB_GRDB.resources
COMMIT ?= $(shell git describe --always --dirty --abbrev=12 --exclude='*' 2>/dev/null)

# Runs the installed lede with arguments $(1) into file $(2); no half-written file when it fails.
generate = $(LIBDIR)/lede $(1) > $(2).tmp && chmod 644 $(2).tmp && mv $(2).tmp $(2) || { rm -f $(2).tmp; exit 1; }

.PHONY: build install uninstall

build:
	swift build -c $(CONFIGURATION) --product lede

install: $(if $(NO_BUILD),,build)
	install -d $(LIBDIR) $(BINDIR) $(MANDIR) $(BASH_COMPLETIONS) $(ZSH_COMPLETIONS) $(FISH_COMPLETIONS)
	install -m 755 $(BUILD_DIR)/lede $(LIBDIR)/lede
	for bundle in $(BUNDLES); do \
		if [ -d $(BUILD_DIR)/$$bundle ]; then rm -rf $(LIBDIR)/$$bundle; cp -R $(BUILD_DIR)/$$bundle $(LIBDIR)/; fi; \
	done
	if [ -n "$(COMMIT)" ]; then printf '%s\n' "$(COMMIT)" > $(LIBDIR)/lede.commit; else rm -f $(LIBDIR)/lede.commit; fi
	ln -sf ../lib/lede/lede $(BINDIR)/lede
	$(call generate,manual,$(MANDIR)/lede.1)
	$(call generate,--generate-completion-script bash,$(BASH_COMPLETIONS)/lede)
	$(call generate,--generate-completion-script zsh,$(ZSH_COMPLETIONS)/_lede)
	$(call generate,--generate-completion-script fish,$(FISH_COMPLETIONS)/lede.fish)

uninstall:
	rm -f $(BINDIR)/lede $(MANDIR)/lede.1 $(BASH_COMPLETIONS)/lede $(ZSH_COMPLETIONS)/_lede $(FISH_COMPLETIONS)/lede.fish
	rm -f $(LIBDIR)/lede $(LIBDIR)/lede.commit
	for bundle in $(BUNDLES); do rm -rf $(LIBDIR)/$$bundle; done
	-rmdir $(LIBDIR) 2>/dev/null
