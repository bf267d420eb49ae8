// `fintech-calc completion bash|zsh|fish` prints a script that a shell loads;
// on Tab the script runs `fintech-calc __complete -- <words>` (after `--`, no
// word is taken for an option of fintech-calc itself), which prints one
// candidate a line (`value<TAB>description`) and last `:none`, `:any` or `:yaml`
// (whether the shell should add file names too: any, or scenario files).
// The candidates come from complete.ts; the scenario-dependent ones (metrics,
// inputs) from the scenario named on the line, else the bundled baseline.
import type { Program } from './command.js';
import { inputsOf } from '../engine/analysis/inputs.js';
import { metricAddresses } from '../engine/analysis/lines.js';
import { forecastCase } from '../engine/forecast.js';
import type { Scenario } from '../engine/types.js';
import { didYouMean } from '../shared/suggest.js';
import { complete, SHELLS, type Shell, type Values } from './complete.js';
import { UsageError } from './exit.js';
import { bundledNames, type Io } from './io.js';
import { loadScenarios } from './shared.js';

export function runCompletion(shell: string, io: Io): number {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`completion: '${shell}' is not one of ${SHELLS.join(', ')}${didYouMean(shell, SHELLS)}`);
  }
  io.stdout(SCRIPTS[shell as Shell]);
  return 0;
}

/** Prints the candidates for the last of `words`; never fails (a shell shows no error while you type). */
export async function runComplete(program: Program, words: readonly string[], io: Io): Promise<number> {
  try {
    const { candidates, files } = await complete(program, words.length === 0 ? [''] : words, scenarioValues(io));
    const line = (value: string, description?: string) => (description ? `${value}\t${oneLine(description)}` : value);
    io.stdout(
      `${[...candidates.map((candidate) => line(candidate.value, candidate.description)), `:${files}`].join('\n')}\n`,
    );
  } catch {
    io.stdout(':none\n');
  }
  return 0;
}

/** A description as one short line: tabs and newlines would break the protocol, and shells cut long ones anyway. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function scenarioValues(io: Io): Values {
  const scenarios = new Map<string, Promise<Scenario | undefined>>();
  const scenario = (name: string) => {
    if (!scenarios.has(name)) {
      scenarios.set(
        name,
        loadScenarios([name], [], io).then(
          ([loaded]) => loaded?.scenario,
          () => undefined,
        ),
      );
    }
    return scenarios.get(name)!;
  };
  return {
    bundledScenarios: () => bundledNames(io),
    metrics: async (name) => {
      const loaded = await scenario(name);
      return loaded ? metricAddresses(forecastCase(loaded, 'base')) : [];
    },
    inputs: async (name) => {
      const loaded = await scenario(name);
      if (!loaded) return [];
      return [...inputsOf(loaded)].flatMap(([path, series]) => [
        path,
        ...[...series.keys()].map((year) => `${path}.${year}`),
      ]);
    },
  };
}

// The scripts. Each asks the program that was typed (${words[0]}: fintech-calc on
// the PATH, or a path to it), passing the words up to the cursor.

const BASH = `# bash completion for fintech-calc. Load it in ~/.bashrc:
#   source <(fintech-calc completion bash)
# or save it where bash-completion finds it:
#   fintech-calc completion bash > ~/.local/share/bash-completion/completions/fintech-calc
_fintech_calc() {
  local before=\${COMP_LINE:0:COMP_POINT} cur=\${COMP_WORDS[COMP_CWORD]} files=none line
  local -a words=()
  # Split at blanks only (bash also splits words at = and :), and keep an empty current word.
  read -r -a words <<< "$before"
  [[ -z $before || $before == *[[:space:]] ]] && words+=('')
  # Bash replaces only the part of the word after its last = or :; candidates lose what comes before.
  local kept=\${words[\${#words[@]}-1]}
  kept=\${kept%"$cur"}
  COMPREPLY=()
  while IFS= read -r line; do
    case $line in
      :*) files=\${line#:} ;;
      *) line=\${line%%$'\\t'*}; COMPREPLY+=("\${line#"$kept"}") ;;
    esac
  done < <("\${words[0]}" __complete -- "\${words[@]:1}" 2>/dev/null)
  case $files in
    any) compopt -o filenames; mapfile -t -O \${#COMPREPLY[@]} COMPREPLY < <(compgen -f -- "$cur") ;;
    yaml) compopt -o filenames; mapfile -t -O \${#COMPREPLY[@]} COMPREPLY < <(compgen -d -- "$cur"; compgen -f -X \
'!*.yaml' -- "$cur"; compgen -f -X '!*.yml' -- "$cur") ;;
  esac
  # A partial name (market.modes., supplyChain.marketSpace=) is continued, not ended with a space.
  if [[ \${#COMPREPLY[@]} -eq 1 && \${COMPREPLY[0]} == *[.=,] ]]; then compopt -o nospace; fi
}
complete -F _fintech_calc fintech-calc
`;

const ZSH = `#compdef fintech-calc
# zsh completion for fintech-calc. Save it as _fintech-calc in a folder of your
# $fpath, before compinit runs in ~/.zshrc:
#   fintech-calc completion zsh > ~/.zfunc/_fintech-calc     (with fpath=(~/.zfunc $fpath))
# or load it after compinit:
#   source <(fintech-calc completion zsh)
_fintech-calc() {
  local line value description files=none ret=1
  local -a whole partial
  for line in "\${(@f)$(\${words[1]} __complete -- "\${(@Q)words[2,CURRENT-1]}" "\${(Q)PREFIX}" 2>/dev/null)}"; do
    case $line in
      :*) files=\${line#:} ;;
      ?*)
        value=\${\${line%%$'\\t'*}//:/\\\\:}
        description=
        [[ $line == *$'\\t'* ]] && description=:\${line#*$'\\t'}
        # A partial name (market.modes., supplyChain.marketSpace=) is continued, not ended with a space.
        if [[ $value == *[.=,] ]]; then partial+=("$value$description"); else whole+=("$value$description"); fi ;;
    esac
  done
  (( \${#whole} )) && _describe -t values fintech-calc whole && ret=0
  (( \${#partial} )) && _describe -t values fintech-calc partial -S '' && ret=0
  case $files in
    any) _files && ret=0 ;;
    yaml) _files -g '*.(yaml|yml)' && ret=0 ;;
  esac
  return ret
}
if [[ $funcstack[1] == _fintech-calc ]]; then _fintech-calc "$@"; else compdef _fintech-calc fintech-calc; fi
`;

const FISH = `# fish completion for fintech-calc. Save it where fish finds it:
#   fintech-calc completion fish > ~/.config/fish/completions/fintech-calc.fish
function __fintech_calc_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l files none
    # "$current" stays one argument when it is empty.
    for line in ($words[1] __complete -- $words[2..-1] "$current" 2>/dev/null)
        switch $line
            case ':*'
                set files (string sub -s 2 -- $line)
            case '*'
                printf '%s\\n' $line
        end
    end
    switch $files
        case any
            __fish_complete_path "$current"
        case yaml
            __fish_complete_path "$current" | string match -r -- '^[^\\t]*(?:/|\\.ya?ml)(?:\\t.*)?$'
    end
end
complete -c fintech-calc -f -a '(__fintech_calc_complete)'
`;

const SCRIPTS: Record<Shell, string> = { bash: BASH, zsh: ZSH, fish: FISH };
