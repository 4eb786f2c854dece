# fish completion for backpain(1), with the knowledge of backpain.bash:
# commands, their options and the values those take. Approach, practice,
# question, red-flag and lesson ids come from the program itself at
# completion time (`backpain pack list`, `--practices`, `--questions`,
# `--flags`, `--lessons`), from the pack it would use: --pack and --db typed
# earlier on the line are passed on.

# The words before the cursor, with the program's own name first.
function __backpain_words
    commandline -opc
end

# __backpain_run ARG...: the program being completed, with the --db and
# --pack seen on the line, then ARG...; its stdout only, no input, at most a
# few seconds.
function __backpain_run
    set -l words (__backpain_words)
    set -l run (string replace -r '^~' $HOME -- $words[1])
    set -l i 2
    while test $i -le (count $words)
        set -l w $words[$i]
        switch $w
            case --db --pack
                set i (math $i + 1)
                if test $i -le (count $words)
                    set -a run $w (string replace -r '^~' $HOME -- $words[$i])
                end
            case '--db=*' '--pack=*'
                set -a run (string replace -r '=~' =$HOME -- $w)
        end
        set i (math $i + 1)
    end
    if command -q timeout
        timeout 5 $run $argv </dev/null 2>/dev/null
    else
        $run $argv </dev/null 2>/dev/null
    end
end

# __backpain_ids ARG...: the second column of `backpain ARG...`, where it
# looks like an id.
function __backpain_ids
    __backpain_run $argv | awk '$2 ~ /^[a-z0-9][a-z0-9-]*$/ { print $2 }'
end

function __backpain_takes_value
    contains -- $argv[1] --db --pack -o --output --format --date --did \
        --answer --pain --interference --note --minutes --before --after \
        --outcome --impression --days --checked --dismiss
end

# The values of safety --answer: FLAG= for each red flag, and once the
# word has its "=", yes and no after it.
function __backpain_flag_answers
    set -l tok (commandline -ct)
    if string match -q -- '*=*' $tok
        set -l flag (string split -m 1 = -- $tok)[1]
        printf '%s=%s\n' $flag yes $flag no
    else
        __backpain_ids pack list --flags | string replace -r '$' =
    end
end

# The command and its operands typed so far, one a line (the command
# first); options and their values left out.
function __backpain_operands
    set -l words (__backpain_words)
    set -l i 2
    while test $i -le (count $words)
        set -l w $words[$i]
        switch $w
            case '-*'
                if not string match -q -- '*=*' $w; and __backpain_takes_value $w
                    set i (math $i + 1)
                end
            case '*'
                echo $w
        end
        set i (math $i + 1)
    end
end

# __backpain_given OPT...: one of the options OPT was typed before the
# cursor (as --opt or --opt=VALUE; not as the value of another option).
function __backpain_given
    set -l words (__backpain_words)
    set -l i 2
    while test $i -le (count $words)
        set -l w $words[$i]
        if string match -q -- '-*' $w
            contains -- (string split -m 1 = -- $w)[1] $argv; and return 0
            if not string match -q -- '*=*' $w; and __backpain_takes_value $w
                set i (math $i + 1)
            end
        end
        set i (math $i + 1)
    end
    return 1
end

# __backpain_at CMD N: the command is CMD (or any, for "") and N operands
# follow it.
function __backpain_at
    set -l ops (__backpain_operands)
    if test -z "$argv[1]"
        test (count $ops) -eq 0
        return
    end
    test (count $ops) -ge 1; and test "$ops[1]" = $argv[1]
    and test (count $ops) -eq (math $argv[2] + 1)
end

# __backpain_using CMD...: the command is one of CMD.
function __backpain_using
    set -l ops (__backpain_operands)
    test (count $ops) -ge 1; and contains -- $ops[1] $argv
end

complete -c backpain -e
complete -c backpain -f

# Before the command.
complete -c backpain -n '__backpain_at "" 0' -a setup -d 'The first run, one question a line'
complete -c backpain -n '__backpain_at "" 0' -a checkin -d "Record the day's pain"
complete -c backpain -n '__backpain_at "" 0' -a practice -d 'Record one practice session'
complete -c backpain -n '__backpain_at "" 0' -a start -d 'Begin a trial of an approach'
complete -c backpain -n '__backpain_at "" 0' -a stop -d 'End the trial of an approach'
complete -c backpain -n '__backpain_at "" 0' -a pause -d 'Stop a trial for a week, to confirm it'
complete -c backpain -n '__backpain_at "" 0' -a resume -d 'Take a paused trial up again'
complete -c backpain -n '__backpain_at "" 0' -a flare -d 'Record a flare-up, or its end'
complete -c backpain -n '__backpain_at "" 0' -a status -d 'The plan, today, the last 14 days'
complete -c backpain -n '__backpain_at "" 0' -a history -d 'Check-ins of recent days'
complete -c backpain -n '__backpain_at "" 0' -a review -d 'Which approach helped'
complete -c backpain -n '__backpain_at "" 0' -a report -d 'A summary for a therapist'
complete -c backpain -n '__backpain_at "" 0' -a export -d 'The whole log as JSON or CSV'
complete -c backpain -n '__backpain_at "" 0' -a import -d 'Restore a JSON export into the log'
complete -c backpain -n '__backpain_at "" 0' -a due -d "Whether today's check-in is missing"
complete -c backpain -n '__backpain_at "" 0' -a safety -d "The safety questions and their answers"
complete -c backpain -n '__backpain_at "" 0' -a pack -d 'Check or list a content pack'
complete -c backpain -n '__backpain_at "" 0' -a learn -d 'The lessons: list, read, put off'
complete -c backpain -n '__backpain_at "" 0' -s h -d 'Print the commands'
complete -c backpain -n '__backpain_at "" 0' -s V -l version -d 'Print the version'

# Everywhere.
complete -c backpain -l db -r -F -d 'The log file'
complete -c backpain -l pack -r -F -d 'A content pack'
complete -c backpain -l help -d 'Print the usage'

# The operands.
complete -c backpain -n '__backpain_at start 0; or __backpain_at stop 0; or __backpain_at pause 0; or __backpain_at resume 0' \
    -a '(__backpain_ids pack list)'
complete -c backpain -n '__backpain_at practice 0' \
    -a '(__backpain_ids pack list --practices)'
complete -c backpain -n '__backpain_at learn 0; and not __backpain_given --dismiss' \
    -a '(__backpain_ids pack list --lessons)'
complete -c backpain -n '__backpain_at checkin 0' -a '0 1 2 3 4 5 6 7 8 9 10' -k
complete -c backpain -n '__backpain_at pack 0' -a 'check list'
complete -c backpain -n 'test "$(__backpain_operands | string join " ")" = "pack check"' -F
complete -c backpain -n '__backpain_at import 0' -F

# Options of the commands and their values.
set -l __backpain_ratings '0 1 2 3 4 5 6 7 8 9 10'
complete -c backpain -n '__backpain_using checkin' -l pain -x -k -a $__backpain_ratings -d 'Pain, 0 to 10'
complete -c backpain -n '__backpain_using checkin' -l interference -x -k -a $__backpain_ratings -d 'How much it got in the way'
complete -c backpain -n '__backpain_using checkin' -l note -x -d 'A note'
complete -c backpain -n '__backpain_using checkin' -l did -x -a '(__backpain_ids pack list --practices)' -d 'A practice done'
complete -c backpain -n '__backpain_using checkin' -l answer -x -a '(__backpain_ids pack list --questions | string replace -r \'$\' =)' -d 'QUESTION=VALUE'
complete -c backpain -n '__backpain_using checkin practice start stop pause resume flare safety' -l date -x -a 'today yesterday' -d 'The day'
complete -c backpain -n '__backpain_using practice' -l minutes -x -d 'Minutes'
complete -c backpain -n '__backpain_using practice' -l before -x -k -a $__backpain_ratings -d 'Pain before'
complete -c backpain -n '__backpain_using practice' -l after -x -k -a $__backpain_ratings -d 'Pain after'
complete -c backpain -n '__backpain_using practice' -l anyway -d 'Log it while a safety hold stands'
# --keep and --drop exclude each other; --drop ends a habit, whose trial
# already has its outcome and impression.
complete -c backpain -n '__backpain_using stop; and not __backpain_given --drop' -l outcome -x -a 'helped no-change worse stopped' -d 'How it went'
complete -c backpain -n '__backpain_using stop; and not __backpain_given --drop' -l impression -x -a 'very-much-better much-better a-little-better no-change a-little-worse much-worse very-much-worse' -d 'How you feel it went'
complete -c backpain -n '__backpain_using stop; and not __backpain_given --drop' -l keep -d 'Keep it as a habit'
complete -c backpain -n '__backpain_using stop; and not __backpain_given --keep --outcome --impression' -l drop -d 'End a kept habit'
# The end of a flare-up (--over) takes only a day.
complete -c backpain -n '__backpain_using flare; and not __backpain_given --over' -l pain -x -k -a $__backpain_ratings -d 'Pain at its start, 0 to 10'
complete -c backpain -n '__backpain_using flare; and not __backpain_given --over' -l note -x -d 'A note'
complete -c backpain -n '__backpain_using flare; and not __backpain_given --pain --note' -l over -d 'The flare-up is over'
complete -c backpain -n '__backpain_using history' -l days -x -d 'Days back'
complete -c backpain -n '__backpain_using history' -l all -d 'Every day'
complete -c backpain -n '__backpain_using history review' -l format -x -a 'table csv json' -d 'Output format'
complete -c backpain -n '__backpain_using export' -l format -x -a 'json csv' -d 'Output format'
complete -c backpain -n '__backpain_using report' -l format -x -a 'text markdown html' -d 'Output format'
complete -c backpain -n '__backpain_using report' -s o -l output -r -F -d 'The file to write'
complete -c backpain -n '__backpain_using pack' -l practices -d 'List the practices'
complete -c backpain -n '__backpain_using pack' -l questions -d 'List the questions'
complete -c backpain -n '__backpain_using pack' -l reading -d 'List the further reading'
complete -c backpain -n '__backpain_using pack' -l flags -d 'List the safety questions'
complete -c backpain -n '__backpain_using pack' -l lessons -d 'List the lessons'
# --dismiss once, its value the lesson to put off.
complete -c backpain -n '__backpain_using learn; and begin; not __backpain_given --dismiss; or test (__backpain_words)[-1] = --dismiss; end' -l dismiss -x -a '(__backpain_ids pack list --lessons)' -d 'Not now: put an offer off'
complete -c backpain -n '__backpain_using import' -l replace -d 'Replace days held with other values'
complete -c backpain -n '__backpain_using safety' -l answer -x -a '(__backpain_flag_answers)' -d 'FLAG=yes|no'
complete -c backpain -n '__backpain_using safety' -l checked -x -a '(__backpain_ids pack list --flags)' -d 'A red flag checked'
