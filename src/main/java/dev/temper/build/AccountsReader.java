package dev.temper.build;

import dev.temper.build.ImageSpec.Accounts;
import dev.temper.build.ImageSpec.Group;
import dev.temper.build.ImageSpec.User;
import dev.temper.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks {@code accounts:} of a spec against the built-in accounts and the shadow rules. */
final class AccountsReader {
  /** The users every image has: root, nonroot (65532) and nobody, as distroless has them. */
  static final List<User> BUILT_IN_USERS =
      List.of(
          new User("root", 0, 0, "/root", "/sbin/nologin"),
          new User("nonroot", 65532, 65532, "/home/nonroot", "/sbin/nologin"),
          new User("nobody", 65534, 65534, "/nonexistent", "/sbin/nologin"));

  /** The groups every image has. */
  static final List<Group> BUILT_IN_GROUPS =
      List.of(
          new Group("root", 0, List.of()),
          new Group("nonroot", 65532, List.of()),
          new Group("nogroup", 65534, List.of()));

  // The rule of Debian's adduser with its default NAME_REGEX, limited to 32 bytes as in utmp.
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,30}[a-z0-9_$-]?");
  private static final Pattern NUMERIC_OWNER = Pattern.compile("([0-9]{1,10})(:([0-9]{1,10}))?");

  // 65535 and 4294967295 are (uid_t) -1 in 16 and 32 bits, which the kernel reserves.
  private static final long MAX_ID = 0x7fffffffL;

  private AccountsReader() {}

  static Accounts check(ImageSpecReader.RawAccounts raw, String where)
      throws InvalidInputException {
    if (raw == null) {
      return Accounts.DEFAULTS;
    }
    List<User> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<Integer> uids = new HashSet<>();
    BUILT_IN_USERS.forEach(u -> names.add(u.name()));
    BUILT_IN_USERS.forEach(u -> uids.add(u.uid()));
    List<ImageSpecReader.RawUser> rawUsers = ImageSpecReader.orEmpty(raw.users);
    for (int i = 0; i < rawUsers.size(); i++) {
      users.add(user(rawUsers.get(i), where + "accounts.users[" + i + "]", names, uids));
    }
    users.sort(Comparator.comparing(User::name));
    Set<String> groupNames = new HashSet<>();
    Set<Integer> gids = new HashSet<>();
    BUILT_IN_GROUPS.forEach(g -> groupNames.add(g.name()));
    BUILT_IN_GROUPS.forEach(g -> gids.add(g.gid()));
    List<Group> groups = new ArrayList<>();
    List<ImageSpecReader.RawGroup> rawGroups = ImageSpecReader.orEmpty(raw.groups);
    for (int i = 0; i < rawGroups.size(); i++) {
      String at = where + "accounts.groups[" + i + "]";
      groups.add(group(rawGroups.get(i), at, groupNames, gids, names));
    }
    groups.sort(Comparator.comparing(Group::name));
    String runAs = raw.runAs == null ? "nonroot" : raw.runAs;
    checkOwner(runAs, where + "accounts.run-as", names);
    return new Accounts(users, groups, runAs);
  }

  private static User user(
      ImageSpecReader.RawUser raw, String where, Set<String> names, Set<Integer> uids)
      throws InvalidInputException {
    checkName(raw.name, where);
    if (!names.add(raw.name)) {
      throw new InvalidInputException(where + ": user '" + raw.name + "' is defined twice");
    }
    int uid = id(raw.uid, where + ".uid");
    if (!uids.add(uid)) {
      throw new InvalidInputException(where + ": uid " + uid + " is used by another user");
    }
    int gid = raw.gid == null ? uid : id(raw.gid, where + ".gid");
    String home = raw.home == null ? "/home/" + raw.name : raw.home;
    String shell = raw.shell == null ? "/sbin/nologin" : raw.shell;
    checkField(home, where + ".home");
    checkField(shell, where + ".shell");
    return new User(raw.name, uid, gid, home, shell);
  }

  private static Group group(
      ImageSpecReader.RawGroup raw,
      String where,
      Set<String> names,
      Set<Integer> gids,
      Set<String> users)
      throws InvalidInputException {
    checkName(raw.name, where);
    if (!names.add(raw.name)) {
      throw new InvalidInputException(where + ": group '" + raw.name + "' is defined twice");
    }
    int gid = id(raw.gid, where + ".gid");
    if (!gids.add(gid)) {
      throw new InvalidInputException(where + ": gid " + gid + " is used by another group");
    }
    Set<String> members = new TreeSet<>();
    for (String member : ImageSpecReader.orEmpty(raw.members)) {
      if (!users.contains(member)) {
        throw new InvalidInputException(where + ": member '" + member + "' is not a known user");
      }
      members.add(member);
    }
    return new Group(raw.name, gid, List.copyOf(members));
  }

  private static void checkName(String name, String where) throws InvalidInputException {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          where
              + ": invalid name '"
              + name
              + "': expected lower-case letters, digits, '_' or '-', at most 32 characters");
    }
  }

  private static int id(Integer id, String where) throws InvalidInputException {
    if (id == null) {
      throw new InvalidInputException(where + " is missing");
    }
    if (id < 0 || id > MAX_ID || id == 65535) {
      throw new InvalidInputException(where + ": invalid id " + id + ": expected 0-2147483647");
    }
    return id;
  }

  private static void checkField(String value, String where) throws InvalidInputException {
    if (!value.startsWith("/") || value.contains(":") || value.contains("\n")) {
      throw new InvalidInputException(
          where + ": invalid path '" + value + "': expected an absolute path without ':'");
    }
  }

  /**
   * Checks an owner: a known user name, or {@code uid[:gid]} in numbers.
   *
   * @return the owner, or null when none is given
   */
  static String checkOwner(String owner, String where, Set<String> users)
      throws InvalidInputException {
    if (owner == null) {
      return null;
    }
    var numeric = NUMERIC_OWNER.matcher(owner);
    if (numeric.matches()) {
      long uid = Long.parseLong(numeric.group(1));
      long gid = numeric.group(3) == null ? uid : Long.parseLong(numeric.group(3));
      if (uid <= MAX_ID && gid <= MAX_ID) {
        return owner;
      }
    } else if (users.contains(owner)) {
      return owner;
    }
    throw new InvalidInputException(
        where + ": invalid user '" + owner + "': expected a user name of the image or uid[:gid]");
  }

  /** Returns the names of the built-in and the extra users. */
  static Set<String> userNames(Accounts accounts) {
    Set<String> names = new HashSet<>();
    BUILT_IN_USERS.forEach(u -> names.add(u.name()));
    accounts.users().forEach(u -> names.add(u.name()));
    return names;
  }
}
