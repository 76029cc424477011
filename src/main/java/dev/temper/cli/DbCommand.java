package dev.temper.cli;

import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.Subcommands;
import dev.temper.cli.args.UsageException;
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

/** {@code temper db}: manages the advisory database that {@code temper scan} reads. */
final class DbCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("db")
          .describe("Imports advisories (OSV, Debian security tracker) and shows what is stored.")
          .subcommands(Subcommands.of(Import.SPEC, Status.SPEC))
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  /** Runs the subcommand that the command line names. Main shows the help of "temper db" alone. */
  @Override
  public int run(Invocation invocation)
      throws IOException, InvalidInputException, NetworkException {
    List<String> names = invocation.args().commandNames();
    String subcommand = names.get(names.size() - 1);
    return switch (subcommand) {
      case "import" -> new Import().run(invocation);
      case "status" -> new Status().run(invocation);
      default -> throw new IllegalStateException("db has no subcommand " + subcommand);
    };
  }

  /** The {@code --db} option that every subcommand shares. */
  static final class Location {
    static final List<OptionSpec> OPTIONS =
        List.of(
            OptionSpec.valued(
                "--db",
                "FILE",
                "The advisory database (default: advisories.db in the temper cache)."));

    private Location() {}

    /** Returns the database file that the command line names, or the default one. */
    static Path resolve(ParsedArgs args) {
      Path file = args.path("--db");
      if (file != null) {
        return file;
      }
      Path home = Path.of(System.getProperty("user.home"));
      return AdvisoryStore.defaultFile(ContentCache.rootFrom(System.getenv(), home));
    }
  }

  /** {@code temper db import}: imports advisory files, directories and URLs. */
  static final class Import {
    /** Maximum number of problems printed, so a bad export does not flood the terminal. */
    private static final int MAX_PRINTED_PROBLEMS = 50;

    static final CommandSpec SPEC =
        CommandSpec.named("import")
            .describe(
                "Imports OSV records (JSON files, directories of them, or an all.zip) and Debian"
                    + " security tracker JSON exports into a copy of the database, which replaces"
                    + " it only when the import completes: on a failure the database is unchanged,"
                    + " or is not created.",
                "Malformed records, invalid versions and unsupported range types are reported and"
                    + " skipped.")
            .options(Location.OPTIONS)
            .variadicParameter("FILE|DIR|URL", "Advisory inputs; URLs may be http, https or file.")
            .option(
                "--sha256",
                "HEX",
                "Expected SHA-256 of the one URL input; the download then streams into the cache.")
            .option(
                "--max-download-size",
                "BYTES",
                "Maximum size of a URL input without --sha256, held in memory (default: "
                    + AdvisoryImporter.DEFAULT_MAX_DOWNLOAD_BYTES
                    + ").")
            .footer(ExitCodes.HELP_WITHOUT_POLICY)
            .build();

    int run(Invocation invocation) throws IOException, InvalidInputException, NetworkException {
      ParsedArgs args = invocation.args();
      List<String> inputs = args.strings("FILE|DIR|URL");
      String sha256 = args.string("--sha256");
      long maxDownloadBytes =
          args.longValue("--max-download-size", AdvisoryImporter.DEFAULT_MAX_DOWNLOAD_BYTES);
      if (maxDownloadBytes < 0 || maxDownloadBytes > Downloader.MAX_ARRAY_BYTES) {
        throw new UsageException(
            "invalid value for option '--max-download-size': "
                + maxDownloadBytes
                + " is not between 0 and "
                + Downloader.MAX_ARRAY_BYTES);
      }
      Path file = Location.resolve(args);
      if (sha256 != null && inputs.size() != 1) {
        throw new UsageException("--sha256 needs exactly one input");
      }
      List<ImportInput> list = new ArrayList<>();
      for (String input : inputs) {
        list.add(new ImportInput(input, Optional.ofNullable(sha256)));
      }
      PrintWriter out = invocation.out();
      PrintWriter err = invocation.err();
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
  static final class Status {
    static final CommandSpec SPEC =
        CommandSpec.named("status")
            .describe("Shows each imported advisory source: records, import time and age.")
            .options(Location.OPTIONS)
            .footer(ExitCodes.HELP_WITHOUT_POLICY)
            .build();

    int run(Invocation invocation) throws IOException, InvalidInputException {
      PrintWriter out = invocation.out();
      PrintWriter err = invocation.err();
      Path file = Location.resolve(invocation.args());
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
