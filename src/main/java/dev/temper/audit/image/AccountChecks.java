package dev.temper.audit.image;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Audit checks on {@code /etc/passwd}, {@code /etc/group} and {@code /etc/shadow}. */
final class AccountChecks {
  private AccountChecks() {}

  static CheckResult uniqueIds(String passwd, String group) {
    List<Evidence> evidence = new ArrayList<>();
    duplicates("etc/passwd", passwd, "uid", evidence);
    duplicates("etc/group", group, "gid", evidence);
    return ImageAuditor.check(
        "TA013",
        "DKL-LI-0002",
        Level.FAIL,
        "Unique uids and gids",
        evidence,
        "Give every user and group its own id.");
  }

  private static void duplicates(String path, String text, String what, List<Evidence> evidence) {
    if (text == null) {
      return;
    }
    Map<String, String> byId = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] fields = line.split(":", -1);
      if (fields.length < 3 || line.startsWith("#")) {
        continue;
      }
      String previous = byId.putIfAbsent(fields[2], fields[0]);
      if (previous != null) {
        evidence.add(
            Evidence.file(
                path,
                null,
                what + " " + fields[2] + " is shared by " + previous + " and " + fields[0]));
      }
    }
  }

  static CheckResult emptyPasswords(String shadow) {
    List<Evidence> evidence = new ArrayList<>();
    if (shadow != null) {
      for (String line : shadow.split("\n")) {
        String[] fields = line.split(":", -1);
        if (fields.length >= 2 && !fields[0].isEmpty() && fields[1].isEmpty()) {
          evidence.add(
              Evidence.file("etc/shadow", null, "user " + fields[0] + " has an empty password"));
        }
      }
    }
    return ImageAuditor.check(
        "TA014",
        "DKL-LI-0001",
        Level.FAIL,
        "No empty passwords",
        evidence,
        "Lock accounts with '!' or '*' in /etc/shadow instead of an empty password.");
  }
}
