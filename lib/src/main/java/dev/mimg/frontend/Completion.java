package dev.mimg.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A bash completion script for a command tree (zsh loads it after {@code bashcompinit}): subcommands, each
 * command's options, and the values some options take (platforms, stores, formats), generated from the same
 * declarations the parser and the help read.
 */
public final class Completion {

  private Completion() {
  }

  /**
   * The script for {@code root}; {@code candidates} are the words offered after an option, by option name (e.g.
   * {@code --platform} to platforms).
   */
  public static String bash(Command root, Map<String, List<String>> candidates) {
    String function = "_complete_" + root.name().replaceAll("[^A-Za-z0-9_]", "_");
    StringBuilder walk = new StringBuilder();
    StringBuilder lists = new StringBuilder();
    visit(List.of(root), walk, lists);
    StringBuilder values = new StringBuilder();
    candidates.forEach((option, words) -> values.append("    ").append(option).append(") COMPREPLY=($(compgen -W \"")
        .append(String.join(" ", words)).append("\" -- \"$cur\")); return ;;\n"));
    return "# bash completion for " + root.name() + ": source <(" + root.name() + " completion)"
        + " (zsh: autoload -U bashcompinit && bashcompinit first)\n"
        + function + "() {\n"
        + "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        + "  local path= skip=0 i word opts= cmds= takes=\n"
        + "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
        + "    word=${COMP_WORDS[i]}\n"
        + "    if [ \"$skip\" = 1 ]; then skip=0; continue; fi\n"
        + "    case \"$path:$word\" in\n" + walk + "    esac\n"
        + "  done\n"
        + "  case \"$path\" in\n" + lists + "  esac\n"
        + "  case \" $takes \" in *\" $prev \"*)\n"
        + "    case \"$prev\" in\n" + values + "    esac\n"
        + "    return ;;\n"
        + "  esac\n"
        + "  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"));"
        + " else COMPREPLY=($(compgen -W \"$cmds\" -- \"$cur\")); fi\n"
        + "}\n"
        + "complete -o default -F " + function + " " + root.name() + "\n";
  }

  private static void visit(List<Command> path, StringBuilder walk, StringBuilder lists) {
    String key = path.subList(1, path.size()).stream().map(c -> " " + c.name()).collect(Collectors.joining());
    List<Option> options = Parser.options(path);
    List<String> takes = new ArrayList<>();
    options.stream().filter(o -> o.arity() != Option.Arity.FLAG).forEach(o -> takes.addAll(o.names()));
    if (!takes.isEmpty()) {
      walk.append("      \"").append(key).append(":\"").append(String.join("|\"" + key + ":\"", takes))
          .append(") skip=1 ;;\n");
    }
    for (Command sub : path.get(path.size() - 1).subcommands()) {
      List<String> names = new ArrayList<>(List.of(sub.name()));
      names.addAll(sub.aliases());
      walk.append("      \"").append(key).append(":").append(String.join("\"|\"" + key + ":", names))
          .append("\") path=\"").append(key).append(' ').append(sub.name()).append("\" ;;\n");
    }
    String subcommands = path.get(path.size() - 1).subcommands().stream().map(Command::name)
        .collect(Collectors.joining(" "));
    String names = options.stream().flatMap(o -> o.names().stream()).collect(Collectors.joining(" "));
    lists.append("    \"").append(key).append("\") opts=\"").append(names).append("\" cmds=\"").append(subcommands)
        .append("\" takes=\"").append(String.join(" ", takes)).append("\" ;;\n");
    for (Command sub : path.get(path.size() - 1).subcommands()) {
      List<Command> deeper = new ArrayList<>(path);
      deeper.add(sub);
      visit(deeper, walk, lists);
    }
  }
}
