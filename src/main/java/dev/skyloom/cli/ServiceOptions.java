package dev.skyloom.cli;

import picocli.CommandLine.Option;

import java.net.URI;

/**
 * Where the Datasets service is and the key to it: the options of the commands that talk to a server, and of the
 * root command (where they apply to the command that follows). A value given after the command wins over one given
 * before it.
 */
final class ServiceOptions {

    @Option(names = "--url", paramLabel = "URL", converter = OptionConverters.UrlConverter.class,
            description = {"Base URL of the Datasets service.", "Default: " + SkyloomCommand.DEFAULT_URL + ", or the"
                    + " built-in demo server when no API key is set."})
    private URI url;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "API key (default: the TILEBOX_API_KEY environment variable).")
    private String apiKey;

    /** @return the --url option, or null when not given */
    URI url() {
        return url;
    }

    /** @return the --api-key option, or null when not given */
    String apiKey() {
        return apiKey;
    }
}
