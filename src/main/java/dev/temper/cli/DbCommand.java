package dev.temper.cli;

import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NetworkException;
import dev.temper.vuln.AdvisoryImporter;
import dev.temper.vuln.AdvisorySource;
import dev.temper.vuln.AdvisoryStore;
import dev.temper.vuln.ImportInput;
import dev.temper.vuln.ImportReport;
import dev.temper.vuln.ScanOptions;
import dev.temper.vuln.SourceStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper db}: manages the advisory database that {@code temper scan} reads. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Imports advisories (OSV, Debian security tracker) and shows what is stored.",
    footer = ExitCodes.HELP,
    subcommands = {DbCommand.Import.class, DbCommand.Status.class})
final class DbCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The {@code --db} option that every subcommand shares. */
  static final class Location {
    @Option(
        names = "--db",
        paramLabel = "FILE",
        description = "The advisory database (default: advisories.db in the temper cache).")
    Path file;

    Path resolve() {
      if (file != null) {
        return file;
      }
      Path home = Path.of(System.getProperty("user.home"));
      return AdvisoryStore.defaultFile(ContentCache.rootFrom(System.getenv(), home));
    }
  }

  /** {@code temper db import}: imports advisory files, directories and URLs. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Imports OSV records (JSON files, directories of them, or an all.zip) and Debian security"
            + " tracker JSON exports into a copy of the database, which replaces it only when the"
            + " import completes: on a failure the database is unchanged, or is not created.",
        "Malformed records, invalid versions and unsupported range types are reported and"
            + " skipped."
      },
      footer = ExitCodes.HELP)
  static final class Import implements Callable<Integer> {
    /** Maximum number of problems printed, so a bad export does not flood the terminal. */
    private static final int MAX_PRINTED_PROBLEMS = 50;

    @Mixin Location location;

    @Spec CommandSpec spec;

    @Parameters(
        arity = "1..*",
        paramLabel = "FILE|DIR|URL",
        description = "Advisory inputs; URLs may be http, https or file.")
    List<String> inputs;

    @Option(
        names = "--sha256",
        paramLabel = "HEX",
        description =
            "Expected SHA-256 of the one URL input; the download then streams into the cache.")
    String sha256;

    @Option(
        names = "--max-download-size",
        paramLabel = "BYTES",
        description =
            "Maximum size of a URL input without --sha256, held in memory (default: ${DEFAULT-VALUE}).")
    long maxDownloadBytes = AdvisoryImporter.DEFAULT_MAX_DOWNLOAD_BYTES;

    @Override
    public Integer call() throws IOException, InvalidInputException, NetworkException {
      if (sha256 != null && inputs.size() != 1) {
        throw new ParameterException(spec.commandLine(), "--sha256 needs exactly one input");
      }
      List<ImportInput> list = new ArrayList<>();
      for (String input : inputs) {
        list.add(new ImportInput(input, Optional.ofNullable(sha256)));
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path file = location.resolve();
      ImportReport report = new ImportReport();
      try (AdvisoryStore store = AdvisoryStore.open(file, Clock.systemUTC());
          ProgressRenderer progress = ProgressRenderer.forStandardError()) {
        Downloader downloader =
            Downloader.builder(ContentCache.fromEnvironment()).listener(progress).build();
        new AdvisoryImporter(store, downloader, maxDownloadBytes).importAll(list, report);
      } finally {
        // The problems found before a failure often explain it.
        printProblems(report, err);
      }
      out.println(
          "Imported "
              + report.recordsStored(AdvisorySource.OSV)
              + " OSV records and "
              + report.recordsStored(AdvisorySource.DEBIAN_TRACKER)
              + " Debian tracker entries into "
              + file
              + " ("
              + report.problemCount()
              + " problems skipped)");
      return ExitCodes.OK;
    }

    private static void printProblems(ImportReport report, PrintWriter err) {
      List<ImportReport.Problem> problems = report.problems();
      for (int i = 0; i < Math.min(problems.size(), MAX_PRINTED_PROBLEMS); i++) {
        err.println("warning: " + problems.get(i));
      }
      if (report.problemCount() > MAX_PRINTED_PROBLEMS) {
        err.println(
            "warning: "
                + (report.problemCount() - MAX_PRINTED_PROBLEMS)
                + " more problems not shown");
      }
      err.flush();
    }
  }

  /** {@code temper db status}: lists the imported sources with their size and age. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Shows each imported advisory source: records, import time and age.",
      footer = ExitCodes.HELP)
  static final class Status implements Callable<Integer> {
    @Mixin Location location;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException, InvalidInputException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path file = location.resolve();
      List<SourceStatus> sources;
      try (AdvisoryStore store = AdvisoryStore.open(file, Clock.systemUTC())) {
        sources = store.status();
      }
      out.println("Database: " + file);
      if (sources.isEmpty()) {
        out.println("No advisories imported; run 'temper db import FILE|DIR|URL'.");
        return ExitCodes.OK;
      }
      Instant now = Instant.now();
      for (SourceStatus source : sources) {
        Duration age = source.age(now);
        String newest = source.newestModified().map(m -> ", newest record " + m).orElse("");
        out.println(
            source.source().id()
                + ": "
                + source.recordCount()
                + " records, imported "
                + source.importedAt()
                + " ("
                + age.toDays()
                + " days ago)"
                + newest);
        if (age.compareTo(ScanOptions.DEFAULT_MAX_DATABASE_AGE) > 0) {
          err.println(
              "warning: "
                  + source.source().title()
                  + " data is older than "
                  + ScanOptions.DEFAULT_MAX_DATABASE_AGE.toDays()
                  + " days; import it again");
        }
      }
      return ExitCodes.OK;
    }
  }
}
