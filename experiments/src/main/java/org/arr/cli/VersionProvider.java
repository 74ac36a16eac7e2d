package org.arr.cli;

import picocli.CommandLine;

/** Reports the project version from the jar manifest, with the DJL and Java versions in use. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ArrCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "arr " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
