# bash completion for backpain(1).
#
# Commands, their options and the values those take. Approach, practice,
# question, red-flag and lesson ids come from the program itself at
# completion time (`backpain pack list`, `--practices`, `--questions`,
# `--flags`, `--lessons`), from the
# pack it would use: --pack and --db typed earlier on the line are passed
# on. Needs nothing but bash, not the bash-completion package's helpers.

# _backpain_path WORD: print WORD with a leading ~/ turned into $HOME/.
_backpain_path()
{
	# shellcheck disable=SC2088 # a literal "~/", which is the point
	case $1 in
	"~") printf '%s\n' "$HOME" ;;
	"~/"*) printf '%s\n' "$HOME/${1#"~/"}" ;;
	*) printf '%s\n' "$1" ;;
	esac
}

# _backpain_run ARG...: run the program being completed with the --db and
# --pack seen on the line, then ARG...; its stdout, nothing else. It gets
# no input and at most a few seconds.
_backpain_run()
{
	local -a argv=("$(_backpain_path "${_backpain_prog:-backpain}")")
	[ -n "${_backpain_db-}" ] &&
		argv+=(--db "$(_backpain_path "$_backpain_db")")
	[ -n "${_backpain_pack-}" ] &&
		argv+=(--pack "$(_backpain_path "$_backpain_pack")")
	if command -v timeout >/dev/null 2>&1; then
		timeout 5 "${argv[@]}" "$@" </dev/null 2>/dev/null
	else
		"${argv[@]}" "$@" </dev/null 2>/dev/null
	fi
}

# _backpain_ids ARG...: the second column of what `backpain ARG...` prints,
# where it looks like an id (a-z, 0-9 and -).
_backpain_ids()
{
	_backpain_run "$@" |
		awk '$2 ~ /^[a-z0-9][a-z0-9-]*$/ { print $2 }'
}

_backpain_approaches()
{
	_backpain_ids pack list
}

_backpain_practices()
{
	_backpain_ids pack list --practices
}

# Question ids with the "=" that --answer QUESTION=VALUE needs.
_backpain_questions()
{
	_backpain_ids pack list --questions | sed 's/$/=/'
}

_backpain_lessons()
{
	_backpain_ids pack list --lessons
}

# Red-flag ids with the "=" that safety --answer FLAG=yes|no needs.
_backpain_flags()
{
	_backpain_ids pack list --flags | sed 's/$/=/'
}

# _backpain_takes_value WORD: whether option WORD takes the next word.
_backpain_takes_value()
{
	case $1 in
	--db | --pack | -o | --output | --format | --date | --did | --answer | \
		--pain | --interference | --note | --minutes | --before | \
		--after | --outcome | --impression | --days | --checked | \
		--dismiss) return 0 ;;
	esac
	return 1
}

# _backpain_reply WORDS CUR: the words of WORDS that start with CUR.
_backpain_reply()
{
	mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

# _backpain_files CUR: file names, shown and quoted as such.
_backpain_files()
{
	compopt -o filenames 2>/dev/null
	mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

_backpain()
{
	local -a words=()
	local i w cword=0 cur prev cmd='' sub='' eq='' seen=' '
	local _backpain_prog=${COMP_WORDS[0]} _backpain_db='' _backpain_pack=''

	COMPREPLY=()
	# bash splits "--format=csv" and "q=v" at the "="; glue them again.
	for ((i = 0; i < ${#COMP_WORDS[@]} && i <= COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [ ${#words[@]} -gt 1 ] && { [ "$w" = "=" ] || [ -n "$eq" ]; }; then
			words[${#words[@]} - 1]+=$w
			[ "$w" = "=" ] && eq=1 || eq=
		else
			words+=("$w")
			eq=
		fi
	done
	cword=$((${#words[@]} - 1))
	cur=${words[cword]}
	prev=
	[ "$cword" -gt 0 ] && prev=${words[cword - 1]}

	# Find the command, the --db/--pack and the options (in $seen, each
	# between blanks, without an "=VALUE") given before the cursor.
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		case $w in -*) seen+="${w%%=*} " ;; esac
		case $w in
		--db) _backpain_db=${words[i + 1]} && ((i++)) ;;
		--pack) _backpain_pack=${words[i + 1]} && ((i++)) ;;
		--db=*) _backpain_db=${w#--db=} ;;
		--pack=*) _backpain_pack=${w#--pack=} ;;
		-*) _backpain_takes_value "$w" && ((i++)) ;;
		*)
			if [ -z "$cmd" ]; then
				cmd=$w
			elif [ "$cmd" = pack ] && [ -z "$sub" ]; then
				sub=$w
			fi
			;;
		esac
	done

	# The value of --opt=VALUE is completed like that of --opt VALUE; bash
	# has already cut the word at the "=", so replies are bare values.
	case $cur in
	--*=*)
		prev=${cur%%=*}
		cur=${cur#*=}
		;;
	esac

	case $prev in
	--db | --pack | -o | --output)
		_backpain_files "$cur"
		return
		;;
	--date)
		_backpain_reply "today yesterday" "$cur"
		return
		;;
	--format)
		case $cmd in
		report) _backpain_reply "text markdown html" "$cur" ;;
		export) _backpain_reply "json csv" "$cur" ;;
		*) _backpain_reply "table csv json" "$cur" ;;
		esac
		return
		;;
	--outcome)
		_backpain_reply "helped no-change worse stopped" "$cur"
		return
		;;
	--impression)
		_backpain_reply "very-much-better much-better a-little-better no-change a-little-worse much-worse very-much-worse" "$cur"
		return
		;;
	--pain | --interference | --before | --after)
		_backpain_reply "0 1 2 3 4 5 6 7 8 9 10" "$cur"
		return
		;;
	--did)
		_backpain_reply "$(_backpain_practices)" "$cur"
		return
		;;
	--answer)
		# After ID= bash completes the word after the "=": the value,
		# yes or no for a red flag (a question's choices are not listed).
		case $cmd:$cur in
		safety:*=*) _backpain_reply "yes no" "${cur#*=}" ;;
		*=*) ;;
		safety:*) _backpain_reply "$(_backpain_flags)" "$cur" ;;
		*) _backpain_reply "$(_backpain_questions)" "$cur" ;;
		esac
		case $cur in *=*) ;; *) compopt -o nospace 2>/dev/null ;; esac
		return
		;;
	--checked)
		_backpain_reply "$(_backpain_ids pack list --flags)" "$cur"
		return
		;;
	--dismiss)
		_backpain_reply "$(_backpain_lessons)" "$cur"
		return
		;;
	# Free text and counts get no suggestions.
	--note | --minutes | --days)
		return
		;;
	esac

	if [ -z "$cmd" ]; then
		case $cur in
		-*) _backpain_reply "--db --pack --help --version -h -V" "$cur" ;;
		*) _backpain_reply "setup checkin practice start stop pause resume
flare status history review report export import due safety pack learn" "$cur" ;;
		esac
		return
	fi

	local opts=
	case $cmd in
	checkin) opts="--pain --interference --note --did --answer --date" ;;
	practice) opts="--minutes --before --after --date --anyway" ;;
	start | pause | resume) opts="--date" ;;
	stop)
		# --keep and --drop exclude each other; --drop ends a habit,
		# whose trial already has its outcome and impression.
		case $seen in
		*" --drop "*) opts="--drop --date" ;;
		*" --keep "* | *" --outcome "* | *" --impression "*)
			opts="--outcome --impression --keep --date"
			;;
		*) opts="--outcome --impression --keep --drop --date" ;;
		esac
		;;
	flare)
		# The end of a flare-up takes only a day.
		case $seen in
		*" --over "*) opts="--over --date" ;;
		*" --pain "* | *" --note "*) opts="--pain --note --date" ;;
		*) opts="--pain --note --date --over" ;;
		esac
		;;
	history) opts="--days --all --format" ;;
	review | export) opts="--format" ;;
	report) opts="--format -o --output" ;;
	pack) opts="--practices --questions --reading --flags --lessons" ;;
	learn)
		# A lesson to read, or --dismiss and the one to put off.
		case $seen in
		*" --dismiss "*) opts= ;;
		*) opts="--dismiss" ;;
		esac
		;;
	safety) opts="--answer --checked --date" ;;
	import) opts="--replace" ;;
	esac
	case $cur in
	-*)
		_backpain_reply "$opts --db --pack --help" "$cur"
		return
		;;
	esac

	# The first word after the command, or after "pack check".
	local n=0
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-*) _backpain_takes_value "${words[i]}" && ((i++)) ;;
		*) n=$((n + 1)) ;;
		esac
	done
	case $cmd:$n in
	start:1 | stop:1 | pause:1 | resume:1)
		_backpain_reply "$(_backpain_approaches)" "$cur"
		;;
	practice:1) _backpain_reply "$(_backpain_practices)" "$cur" ;;
	learn:1)
		case $seen in
		*" --dismiss "*) ;;
		*) _backpain_reply "$(_backpain_lessons)" "$cur" ;;
		esac
		;;
	checkin:1) _backpain_reply "0 1 2 3 4 5 6 7 8 9 10" "$cur" ;;
	pack:1) _backpain_reply "check list" "$cur" ;;
	pack:2) [ "$sub" = check ] && _backpain_files "$cur" ;;
	import:1) _backpain_files "$cur" ;;
	esac
}

complete -F _backpain backpain
