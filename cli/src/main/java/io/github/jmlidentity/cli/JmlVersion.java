package io.github.jmlidentity.cli;

import picocli.CommandLine;

/** `jml --version`: the version Maven built, from the jar manifest when there is one. */
final class JmlVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = JmlVersion.class.getPackage().getImplementationVersion();
        return new String[] {"jml " + (version == null ? "0.1.0" : version)};
    }
}
