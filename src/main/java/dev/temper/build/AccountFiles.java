package dev.temper.build;

import dev.temper.archive.Content;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.build.ImageSpec.Accounts;
import dev.temper.build.ImageSpec.Group;
import dev.temper.build.ImageSpec.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes {@code /etc/passwd}, {@code /etc/group} and {@code /etc/shadow} with the built-in and the
 * spec's accounts, and creates their home directories. Every account is locked: the shadow password
 * field is {@code *}, so nobody can log in with a password.
 */
final class AccountFiles {
  static final String ORIGIN = "accounts";

  private AccountFiles() {}

  /** Writes the account files and home directories into the tree. */
  static void apply(FileTree tree, Accounts accounts) {
    List<User> users = users(accounts);
    List<Group> groups = groups(accounts);
    StringBuilder passwd = new StringBuilder();
    StringBuilder shadow = new StringBuilder();
    for (User user : users) {
      passwd.append(
          String.join(
              ":",
              user.name(),
              "x",
              Integer.toString(user.uid()),
              Integer.toString(user.gid()),
              user.name(),
              user.home(),
              user.shell()));
      passwd.append('\n');
      // Empty last-change field: no build date enters the file, and aging stays off.
      shadow.append(user.name()).append(":*:::::::\n");
    }
    StringBuilder group = new StringBuilder();
    for (Group g : groups) {
      group.append(g.name()).append(":x:").append(g.gid()).append(':');
      group.append(String.join(",", g.members())).append('\n');
    }
    tree.put(text("etc/passwd", 0644, passwd), ORIGIN);
    tree.put(text("etc/group", 0644, group), ORIGIN);
    tree.put(text("etc/shadow", 0640, shadow), ORIGIN);
    for (User user : users) {
      createHome(tree, user);
    }
  }

  private static void createHome(FileTree tree, User user) {
    if (user.home().equals("/nonexistent") || user.home().equals("/")) {
      return;
    }
    String path = user.home().substring(1);
    if (tree.get(path).map(e -> e.type() != EntryType.DIRECTORY).orElse(false)) {
      return;
    }
    FileEntry home =
        new FileEntry(path, EntryType.DIRECTORY, 0700, user.uid(), user.gid(), null, null);
    tree.put(home, ORIGIN);
  }

  /** Returns the built-in and the spec's users, ordered by uid. */
  static List<User> users(Accounts accounts) {
    List<User> users = new ArrayList<>(AccountsReader.BUILT_IN_USERS);
    users.addAll(accounts.users());
    users.sort(Comparator.comparingInt(User::uid));
    return users;
  }

  /** Returns the built-in and the spec's groups, ordered by gid. */
  static List<Group> groups(Accounts accounts) {
    List<Group> groups = new ArrayList<>(AccountsReader.BUILT_IN_GROUPS);
    groups.addAll(accounts.groups());
    groups.sort(Comparator.comparingInt(Group::gid));
    return groups;
  }

  /**
   * Returns the numeric owner for a spec owner: a user name gives that user's uid and primary gid;
   * {@code uid} alone gives {@code uid:uid}; null gives root.
   */
  static int[] owner(String owner, Accounts accounts) {
    if (owner == null) {
      return new int[] {0, 0};
    }
    for (User user : users(accounts)) {
      if (user.name().equals(owner)) {
        return new int[] {user.uid(), user.gid()};
      }
    }
    String[] parts = owner.split(":", 2);
    int uid = Integer.parseInt(parts[0]);
    int gid = parts.length == 2 ? Integer.parseInt(parts[1]) : uid;
    return new int[] {uid, gid};
  }

  /** Returns the config's {@code User}: {@code uid:gid} in numbers, so no lookup is needed. */
  static String configUser(Accounts accounts) {
    int[] owner = owner(accounts.runAs(), accounts);
    return owner[0] + ":" + owner[1];
  }

  static FileEntry text(String path, int mode, CharSequence text) {
    return FileEntry.file(path, mode, Content.of(text.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
