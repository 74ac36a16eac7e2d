package org.arr.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** Command lines that run this program again in a child process. */
final class ChildCommand {

    private ChildCommand() {
    }

    /**
     * Returns the command line of a new JVM with this JVM's options and class path that runs {@code arr} with
     * {@code arguments}.
     */
    static List<String> of(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ArrCommand.class.getName());
        command.addAll(arguments);
        return command;
    }
}
