# Builds lede and installs it with its resource bundles (samples, data, themes)
# where the binary finds them:
#
#   make install PREFIX=/usr/local      # release build, then install
#   make uninstall PREFIX=/usr/local    # removes exactly what install put there
#
# The binary and its bundles go to $(PREFIX)/lib/lede/ (SwiftPM looks for
# bundles beside the executable, following the link), with a link in
# $(PREFIX)/bin. CONFIGURATION=debug installs a debug build, and NO_BUILD=1
# installs what is already built (the tests do both).

PREFIX ?= /usr/local
CONFIGURATION ?= release
BUILD_DIR = .build/$(CONFIGURATION)
LIBDIR = $(DESTDIR)$(PREFIX)/lib/lede
BINDIR = $(DESTDIR)$(PREFIX)/bin
BUNDLES = lede_lede.resources lede_LedeModel.resources lede_LedeConfig.resources GRDB_GRDB.resources

.PHONY: build install uninstall

build:
	swift build -c $(CONFIGURATION) --product lede

install: $(if $(NO_BUILD),,build)
	install -d $(LIBDIR) $(BINDIR)
	install -m 755 $(BUILD_DIR)/lede $(LIBDIR)/lede
	for bundle in $(BUNDLES); do \
		if [ -d $(BUILD_DIR)/$$bundle ]; then rm -rf $(LIBDIR)/$$bundle; cp -R $(BUILD_DIR)/$$bundle $(LIBDIR)/; fi; \
	done
	ln -sf ../lib/lede/lede $(BINDIR)/lede

uninstall:
	rm -f $(BINDIR)/lede
	rm -f $(LIBDIR)/lede
	for bundle in $(BUNDLES); do rm -rf $(LIBDIR)/$$bundle; done
	-rmdir $(LIBDIR) 2>/dev/null
