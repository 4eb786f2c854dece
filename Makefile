# backpain: a plain Makefile.
#   make run     build and start the guided program on a fresh log
#   make test    build and run every test (installs missing Debian packages)
#   make check   the same without installing anything
#   make bench   speed and memory figures
#   make install PREFIX=/usr/local DESTDIR=
.SUFFIXES:

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/backpain
MANDIR = $(PREFIX)/share/man
COMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
# Where zsh (Debian's vendor directory, in its default fpath for /usr) and
# fish look for completions, and systemd for a user's units.
ZSH_COMPLETIONDIR = $(PREFIX)/share/zsh/vendor-completions
FISH_COMPLETIONDIR = $(PREFIX)/share/fish/vendor_completions.d
SYSTEMD_USERDIR = $(PREFIX)/lib/systemd/user

B ?= build
CC ?= cc
FUZZCC ?= clang
PKGS = ncursesw yaml-0.1 sqlite3

# Debian packages: what building needs, and what the tests need besides
# (beyond Debian's required set, which has coreutils, diffutils, findutils,
# grep, sed, mawk, bash, util-linux, bsdutils, ncurses-base and libc-bin):
# tzdata for the time zones of robust/day_faketime, locales for the
# de_DE source of cli/locale, poppler-utils for pdfinfo and pdftotext.
RUN_DEBS = gcc make pkg-config libncurses-dev libyaml-dev libsqlite3-dev
TEST_DEBS = $(RUN_DEBS) libcmocka-dev tmux faketime sqlite3 valgrind clang \
	mandoc chromium poppler-utils locales tzdata zsh fish systemd \
	build-essential debhelper lintian
# make test builds with this many jobs, and tests/run.sh runs as many
# tests at once: one more than the processors, since many tests spend
# their time waiting on a terminal or a clock rather than computing
# (177 s with 2 on two cores, 142 s with 3; the tests judge CPU by ticks
# used, not by wall time, so the extra job cannot fail one).
JOBS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))

WARN = -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wundef
ifdef CI
WARN += -Werror
endif

# Evaluated lazily, after tools/deps.sh has had its chance to install them.
# CPPFLAGS goes on every compile line and LDFLAGS on every link line, the
# sanitized and fuzzing builds included; CFLAGS on the plain build's.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS)) -lm
CFLAGS ?= -O2 -g
CPPFLAGS ?=
LDFLAGS ?=
ALL_CFLAGS = -std=c11 $(WARN) \
	-Iinclude $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
SAN_CFLAGS = -std=c11 $(WARN) \
	-Iinclude $(PKG_CFLAGS) $(CPPFLAGS) -O1 -g $(SAN) -MMD -MP

SRC = $(sort $(wildcard src/*.c src/*/*.c))
LIB_SRC = $(filter-out src/main.c,$(SRC))
OBJ = $(LIB_SRC:%.c=$(B)/obj/%.o) $(B)/obj/gen/guide_pack.o
SAN_OBJ = $(LIB_SRC:%.c=$(B)/asan/%.o) $(B)/asan/gen/guide_pack.o
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

all: $(B)/backpain

# The built-in pack: tools/packgen.c runs content/guide.yaml through the
# program's own loader (an invalid pack fails the build with its
# FILE:LINE:COLUMN errors) and writes it as initialised data, with its bytes.
PACKGEN_OBJ = $(B)/obj/tools/packgen.o $(B)/obj/src/lib/util.o \
	$(patsubst %.c,$(B)/obj/%.o,$(wildcard src/content/content*.c))
$(B)/tools/packgen: $(PACKGEN_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(PACKGEN_OBJ) \
		$(shell pkg-config --libs yaml-0.1)
$(B)/gen/guide_pack.c: content/guide.yaml $(B)/tools/packgen
	@mkdir -p $(@D)
	$(B)/tools/packgen content/guide.yaml > $@.tmp
	mv $@.tmp $@

$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -Iinclude $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@
$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(B)/libbackpain.a: $(OBJ)
	rm -f $@
	ar rcs $@ $(OBJ)
$(B)/backpain: $(B)/obj/src/main.o $(B)/libbackpain.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(B)/obj/src/main.o \
		$(B)/libbackpain.a $(PKG_LIBS)

# The same program with AddressSanitizer and UndefinedBehaviorSanitizer.
$(B)/asan/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -Iinclude $(CPPFLAGS) -O1 -g $(SAN) -MMD -MP -c $< -o $@
$(B)/asan/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(SAN_CFLAGS) -c $< -o $@
$(B)/asan/libbackpain.a: $(SAN_OBJ)
	rm -f $@
	ar rcs $@ $(SAN_OBJ)
$(B)/asan/backpain: $(B)/asan/src/main.o $(B)/asan/libbackpain.a
	$(CC) $(SAN) $(LDFLAGS) -o $@ $(B)/asan/src/main.o \
		$(B)/asan/libbackpain.a $(PKG_LIBS)

# Unit tests link only the modules they use, sanitized.
$(B)/tests/%: $(B)/asan/tests/unit/%.o $(B)/asan/libbackpain.a
	@mkdir -p $(@D)
	$(CC) $(SAN) $(LDFLAGS) -o $@ $< $(B)/asan/libbackpain.a -lcmocka \
		$(PKG_LIBS)

# The libFuzzer target for the pack loader.
FUZZ_SRC = tests/fuzz/fuzz_pack.c $(wildcard src/content/content*.c) src/lib/util.c $(B)/gen/guide_pack.c
$(B)/fuzz/fuzz_pack: $(FUZZ_SRC) include/content.h include/util.h
	@mkdir -p $(@D)
	$(FUZZCC) -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -Iinclude \
		$(shell pkg-config --cflags yaml-0.1) $(CPPFLAGS) -g -O1 \
		-fsanitize=fuzzer,address,undefined $(LDFLAGS) $(FUZZ_SRC) \
		$(shell pkg-config --libs yaml-0.1) -o $@

# The libFuzzer target for the JSON reader of `backpain import`.
FUZZ_JSON_SRC = tests/fuzz/fuzz_json.c $(wildcard src/lib/json*.c) src/lib/util.c
$(B)/fuzz/fuzz_json: $(FUZZ_JSON_SRC) include/json.h src/lib/json_int.h include/util.h
	@mkdir -p $(@D)
	$(FUZZCC) -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -Iinclude \
		$(CPPFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined \
		$(LDFLAGS) $(FUZZ_JSON_SRC) -o $@

run:
	@tools/deps.sh $(RUN_DEBS)
	@$(MAKE) --no-print-directory all
	@rm -rf $(B)/run && mkdir -p $(B)/run && chmod 700 $(B)/run
	@echo "backpain: starting on a fresh log, $(B)/run/log.db"
	./$(B)/backpain --db $(B)/run/log.db

test:
	@tools/deps.sh $(TEST_DEBS)
	@tools/fuzzdeps.sh
	@$(MAKE) --no-print-directory check

# Every test runs on these builds, made first with JOBS compilers at once
# (unless make was given -j itself); no test builds anything itself. The
# bench's log generator fills the long logs of robust/valgrind_commands.
TEST_BIN = $(B)/backpain $(B)/asan/backpain $(UNIT_BIN) $(B)/fuzz/fuzz_pack \
	$(B)/bench/genlog $(B)/sim/sim $(B)/fuzz/fuzz_json
check:
	@$(MAKE) --no-print-directory \
		$(if $(filter -j%,$(MAKEFLAGS)),,-j$(JOBS)) test-bin
	@B=$(B) JOBS=$(JOBS) tests/run.sh $(UNIT_BIN)
test-bin: $(TEST_BIN)
	@:

fuzz: $(B)/fuzz/fuzz_pack $(B)/fuzz/fuzz_json
	FUZZ_TIME=$${FUZZ_TIME:-600} tests/robust/fuzz.sh
	FUZZ_TIME=$${FUZZ_TIME:-600} tests/robust/fuzz_json.sh

# Speed and memory figures (tests/bench/bench.sh): a log generator and a
# timing harness, then the run; the sqlite3 shell is the floor each figure
# is compared with. A missed target is printed, not a failure.
BENCH_DEBS = $(RUN_DEBS) sqlite3
BENCH_CFLAGS = -std=c11 $(WARN) $(CFLAGS)
$(B)/bench/genlog: tests/bench/genlog.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $(CPPFLAGS) $(shell pkg-config --cflags sqlite3) \
		$(LDFLAGS) $< -o $@ $(shell pkg-config --libs sqlite3)
$(B)/bench/run: tests/bench/run.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $(CPPFLAGS) $(LDFLAGS) $< -o $@ -lutil
# The JSON reader of import on inputs doubling in size, the program's own.
$(B)/bench/json: tests/bench/json.c $(B)/libbackpain.a
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $(CPPFLAGS) -Iinclude $(LDFLAGS) $< -o $@ \
		$(B)/libbackpain.a

# The simulation study of the verdict rule (tests/sim/sim.h), linked with
# the real analysis code.
$(B)/sim/sim: tests/sim/sim.c tests/sim/sim.h $(B)/libbackpain.a
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) $(CPPFLAGS) -Iinclude $(LDFLAGS) $< -o $@ \
		$(B)/libbackpain.a -lm

bench:
	@tools/deps.sh $(BENCH_DEBS)
	@$(MAKE) --no-print-directory $(B)/backpain $(B)/bench/genlog \
		$(B)/bench/run $(B)/bench/json $(B)/sim/sim
	@$(B)/sim/sim
	@echo
	@B=$(B) tests/bench/bench.sh

# The Debian package, built by dpkg-buildpackage from a copy of the tree in
# $(B)/deb, so the tree itself is left as it was: $(B)/backpain_V_ARCH.deb.
# The copy goes once built (its .d files would be read as this build's);
# its log stays in $(B)/deb/build.log.
DEB_DEBS = $(RUN_DEBS) build-essential debhelper
DEB_VERSION = $(shell head -n 1 debian/changelog | cut -d ' ' -f 2 | tr -d '()')
DEB_ARCH = $(shell dpkg --print-architecture)
deb:
	@tools/deps.sh $(DEB_DEBS)
	rm -rf $(B)/deb && mkdir -p $(B)/deb/backpain-$(DEB_VERSION)
	tar -cf - --exclude-vcs --exclude=./build --exclude='./$(B)' . | \
		tar -xf - -C $(B)/deb/backpain-$(DEB_VERSION)
	cd $(B)/deb/backpain-$(DEB_VERSION) && \
		DEB_BUILD_OPTIONS="$${DEB_BUILD_OPTIONS:+$$DEB_BUILD_OPTIONS }noddebs" \
		dpkg-buildpackage -b -us -uc -j2 >../build.log 2>&1 || \
		{ tail -n 30 ../build.log; rm -rf ../backpain-$(DEB_VERSION); \
		exit 1; }
	rm -rf $(B)/deb/backpain-$(DEB_VERSION)
	cp $(B)/deb/backpain_$(DEB_VERSION)_$(DEB_ARCH).deb $(B)/
	@echo "backpain: built $(B)/backpain_$(DEB_VERSION)_$(DEB_ARCH).deb"

format:
	clang-format -i $(SRC) include/*.h src/*/*.h tools/*.c tests/unit/*.c tests/unit/*.h \
		tests/fuzz/*.c tests/bench/*.c tests/sim/*.c tests/sim/*.h

# The man page and the reminder service name the installed program and
# pack, so they get their paths; written straight into place, so that
# installs into several DESTDIRs at once (the tests) share no file.
install: $(B)/backpain
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(DATADIR)" \
		"$(DESTDIR)$(MANDIR)/man1" "$(DESTDIR)$(COMPLETIONDIR)" \
		"$(DESTDIR)$(ZSH_COMPLETIONDIR)" \
		"$(DESTDIR)$(FISH_COMPLETIONDIR)" "$(DESTDIR)$(SYSTEMD_USERDIR)"
	install -m 0755 $(B)/backpain "$(DESTDIR)$(BINDIR)/backpain"
	install -m 0644 content/guide.yaml "$(DESTDIR)$(DATADIR)/guide.yaml"
	sed -e 's|/usr/local/share/backpain|$(DATADIR)|g' \
		-e 's|/usr/local/bin/backpain|$(BINDIR)/backpain|g' \
		-e 's|/usr/local/lib/systemd/user|$(SYSTEMD_USERDIR)|g' \
		backpain.1 > "$(DESTDIR)$(MANDIR)/man1/backpain.1"
	chmod 0644 "$(DESTDIR)$(MANDIR)/man1/backpain.1"
	install -m 0644 completion/backpain.bash \
		"$(DESTDIR)$(COMPLETIONDIR)/backpain"
	install -m 0644 completion/_backpain \
		"$(DESTDIR)$(ZSH_COMPLETIONDIR)/_backpain"
	install -m 0644 completion/backpain.fish \
		"$(DESTDIR)$(FISH_COMPLETIONDIR)/backpain.fish"
	sed -e 's|/usr/local/bin/backpain|$(BINDIR)/backpain|g' \
		systemd/backpain-due.service \
		> "$(DESTDIR)$(SYSTEMD_USERDIR)/backpain-due.service"
	chmod 0644 "$(DESTDIR)$(SYSTEMD_USERDIR)/backpain-due.service"
	install -m 0644 systemd/backpain-due.timer \
		"$(DESTDIR)$(SYSTEMD_USERDIR)/backpain-due.timer"

# Removes exactly what install put there, and the pack's directory if empty.
uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/backpain" \
		"$(DESTDIR)$(DATADIR)/guide.yaml" \
		"$(DESTDIR)$(MANDIR)/man1/backpain.1" \
		"$(DESTDIR)$(COMPLETIONDIR)/backpain" \
		"$(DESTDIR)$(ZSH_COMPLETIONDIR)/_backpain" \
		"$(DESTDIR)$(FISH_COMPLETIONDIR)/backpain.fish" \
		"$(DESTDIR)$(SYSTEMD_USERDIR)/backpain-due.service" \
		"$(DESTDIR)$(SYSTEMD_USERDIR)/backpain-due.timer"
	if [ -d "$(DESTDIR)$(DATADIR)" ]; then \
		rmdir "$(DESTDIR)$(DATADIR)" 2>/dev/null || true; fi

# Removes the build directory, wherever B puts it.
clean:
	@case "$(B)" in ""|/|.|..|./|../) \
		echo "make clean: will not remove B=$(B)" >&2; exit 1;; esac
	rm -rf -- "$(B)"

.PHONY: all run test check test-bin fuzz bench format install uninstall clean deb
.SECONDARY:

-include $(shell find $(B) -name '*.d' 2>/dev/null)
