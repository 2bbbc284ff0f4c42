package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.WasmException;
import dev.cortado.wasm.testing.TextMutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile guest: a module that calls every preview1 function with arguments chosen to hurt
 * (pointers at and past the end of memory, negative and huge lengths, unknown descriptors, random
 * flags, paths that climb out of the sandbox or through symbolic links leading out of it, random
 * bytes where structures belong). Every call must end in an errno, a trap, an exit or the store's
 * deadline, never in another exception; and nothing outside the preopened folder may change.
 *
 * <p>CI runs 300 guests of 40 calls each. A long run: {@code ./mvnw -o test -pl cortado-wasi
 * -Dtest=HostileGuestFuzzTest -Dcortado.fuzz.count=20000 -Dcortado.fuzz.seed=N}.
 */
class HostileGuestFuzzTest {
  /**
   * Every function with the role of each parameter: {@code f} a descriptor, {@code s} a path (a
   * pointer and its length), {@code p} a pointer to a result or a structure, {@code v} a pointer to
   * I/O vectors, {@code q} to poll subscriptions, {@code n} a count or length, {@code x} flags or
   * an enumeration, {@code L} a 64-bit value (offset, size, time, rights).
   */
  private static final Map<String, String> ROLES = new TreeMap<>();

  static {
    String[] table = {
      "args_get pp",
      "args_sizes_get pp",
      "environ_get pp",
      "environ_sizes_get pp",
      "clock_res_get xp",
      "clock_time_get xLp",
      "fd_advise fLLx",
      "fd_allocate fLL",
      "fd_close f",
      "fd_datasync f",
      "fd_fdstat_get fp",
      "fd_fdstat_set_flags fx",
      "fd_fdstat_set_rights fLL",
      "fd_filestat_get fp",
      "fd_filestat_set_size fL",
      "fd_filestat_set_times fLLx",
      "fd_pread fvnLp",
      "fd_prestat_get fp",
      "fd_prestat_dir_name fpn",
      "fd_pwrite fvnLp",
      "fd_read fvnp",
      "fd_readdir fpnLp",
      "fd_renumber ff",
      "fd_seek fLxp",
      "fd_sync f",
      "fd_tell fp",
      "fd_write fvnp",
      "path_create_directory fs",
      "path_filestat_get fxsp",
      "path_filestat_set_times fxsLLx",
      "path_link fxsfs",
      "path_open fxsxLLxp",
      "path_readlink fspnp",
      "path_remove_directory fs",
      "path_rename fsfs",
      "path_symlink sfs",
      "path_unlink_file fs",
      "poll_oneoff qqnp",
      "proc_raise x",
      "sched_yield ",
      "random_get pn",
      "sock_accept fxp",
      "sock_recv fvnxpp",
      "sock_send fvnxp",
      "sock_shutdown fx",
      "proc_exit x",
    };
    for (String entry : table) {
      String[] parts = entry.split(" ", -1);
      ROLES.put(parts[0], parts[1]);
    }
  }

  /** Functions that end the guest or take its folder away, and so are called less often. */
  private static final Set<String> RARE = Set.of("proc_exit", "fd_close", "fd_renumber");

  /** Paths a guest might try, written into its memory at {@link #PATHS}, each 32 bytes apart. */
  private static final String[] PATH_TEXTS = {
    "a.txt",
    "sub",
    "sub/b.txt",
    "sub/deeper",
    "../outside/secret.txt",
    "..",
    ".",
    "/",
    "out/secret.txt",
    "out",
    "outfile",
    "link",
    "sub/../../outside",
    "new",
    "sub/new/x",
    "a.txt/x",
    "",
    "loop",
    "sub/./../a.txt",
    "out/../a.txt",
    "\u0000x",
    "x\u0000",
    "ä/\uFFFF",
  };

  private static final int PATHS = 256;
  private static final int IOVECS = 1536;
  private static final int BUFFERS = 4096;
  private static final int SUBSCRIPTIONS = 12288;
  private static final int RESULTS = 16384;
  private static final int MEMORY_END = 2 * 65536;

  @TempDir Path root;

  @Test
  void theRolesHaveTheWitxSignatures() {
    for (String entry : Preview1ImportsTest.TABLE) {
      String[] parts = entry.split(" ", -1);
      String roles = ROLES.get(parts[0]);
      String expanded = roles.replace("s", "ii").replaceAll("[^iL]", "i").replace("L", "l");
      assertEquals(parts[1], expanded, parts[0]);
    }
    assertEquals(Preview1ImportsTest.TABLE.length + 1, ROLES.size());
  }

  @Test
  void everyCallEndsInAnErrnoTrapOrExitAndNothingOutsideTheSandboxChanges() throws IOException {
    Path outside = root.resolve("outside");
    Files.createDirectories(outside);
    Path secret = Files.writeString(outside.resolve("secret.txt"), "secret");
    FileTime secretTime = Files.getLastModifiedTime(secret);
    Engine engine = Engine.create();
    Module module = Module.compileText(engine, guest());
    Random random = new Random(TextMutations.seed(20261206L));
    int guests = TextMutations.count(300);
    for (int g = 0; g < guests; g++) {
      Path sandbox = sandbox(root.resolve("sandbox" + g));
      List<String> calls = new ArrayList<>();
      try {
        runGuest(engine, module, sandbox, random, calls);
      } catch (Throwable t) {
        throw new AssertionError(
            "guest " + g + " failed with " + t + " after:\n" + String.join("\n", calls), t);
      }
      assertEquals("secret", Files.readString(secret), "guest " + g + ": " + calls);
      assertEquals(secretTime, Files.getLastModifiedTime(secret), "guest " + g + ": " + calls);
      try (Stream<Path> list = Files.list(outside)) {
        assertEquals(List.of(secret), list.toList(), "guest " + g + ": " + calls);
      }
      try (Stream<Path> list = Files.list(root)) {
        assertTrue(
            list.allMatch(
                p -> p.equals(outside) || p.getFileName().toString().startsWith("sandbox")),
            "guest " + g + " made a file beside the sandbox: " + calls);
      }
    }
  }

  private static void runGuest(
      Engine engine, Module module, Path sandbox, Random random, List<String> calls) {
    byte[] input = new byte[random.nextInt(64)];
    random.nextBytes(input);
    WasiConfig config =
        WasiConfig.defaults()
            .withArgs(List.of("guest", "--flag"))
            .withEnv("KEY", "value")
            .withStdin(WasiInput.of(input))
            .withStdout(WasiOutput.capture())
            .withStderr(WasiOutput.capture())
            .withPreopen(Preopen.of(sandbox, "/sandbox"))
            .withPreopen(Preopen.readOnly(sandbox.resolve("sub"), "/ro"));
    try (WasiPreview1 wasi = WasiPreview1.create(config)) {
      Linker linker = Linker.create();
      wasi.addTo(linker);
      Store store = Store.create(engine);
      store.setTimeout(Duration.ofMillis(250));
      Instance instance = linker.instantiate(store, module);
      Memory memory = instance.memory("memory").orElseThrow();
      fill(memory, random);
      Guest guest = new Guest(random, memory);
      List<String> names = new ArrayList<>(ROLES.keySet());
      for (int c = 0; c < 40; c++) {
        String name = names.get(random.nextInt(names.size()));
        if (RARE.contains(name) && random.nextInt(10) != 0) {
          continue;
        }
        WasmValue[] args = guest.arguments(ROLES.get(name));
        calls.add(name + " " + describe(args));
        if (random.nextInt(8) == 0) {
          scribble(memory, random);
        }
        Func f = instance.func("call_" + name).orElseThrow();
        List<WasmValue> results;
        try {
          results = f.call(args);
        } catch (WasmException expected) {
          // A trap, the exit of proc_exit, or the store's deadline: each ends the guest.
          return;
        }
        if (!results.isEmpty()) {
          int errno = ((WasmValue.I32) results.get(0)).value();
          assertTrue(errno >= 0 && errno <= 76, name + " returned errno " + errno);
          if (errno == 0 && name.equals("path_open")) {
            guest.opened(((WasmValue.I32) args[args.length - 1]).value());
          }
        }
      }
    }
  }

  /** Builds the guest: every function imported, and exported again through a wrapper. */
  private static String guest() {
    StringBuilder imports = new StringBuilder("(module\n");
    StringBuilder wrappers = new StringBuilder();
    ROLES.forEach(
        (name, roles) -> {
          String signature = types(roles) + (name.equals("proc_exit") ? "" : " (result i32)");
          imports
              .append("  (import \"wasi_snapshot_preview1\" \"")
              .append(name)
              .append("\" (func $")
              .append(name)
              .append(signature)
              .append("))\n");
          wrappers.append("  (func (export \"call_").append(name).append("\")").append(signature);
          for (int i = 0; i < roles.replace("s", "ii").length(); i++) {
            wrappers.append(" local.get ").append(i);
          }
          wrappers.append(" call $").append(name).append(")\n");
        });
    return imports.append(wrappers).append("  (memory (export \"memory\") 2))\n").toString();
  }

  /** The parameter types of {@code roles}, as the text format writes them. */
  private static String types(String roles) {
    StringBuilder s = new StringBuilder();
    for (char role : roles.toCharArray()) {
      s.append(
          role == 'L' ? " (param i64)" : role == 's' ? " (param i32) (param i32)" : " (param i32)");
    }
    return s.toString();
  }

  /** A sandbox with files, a folder, and links that lead out of it or around in it. */
  private static Path sandbox(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(dir.resolve("a.txt"), "hello");
    Files.writeString(dir.resolve("sub/b.txt"), "b");
    Files.createSymbolicLink(dir.resolve("link"), Path.of("a.txt"));
    Files.createSymbolicLink(dir.resolve("out"), Path.of("../outside"));
    Files.createSymbolicLink(dir.resolve("outfile"), Path.of("../outside/secret.txt"));
    Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));
    return dir;
  }

  /**
   * Lays out memory as a guest would: the paths, vectors of buffers (most valid, some not), and
   * poll subscriptions (clocks of a few microseconds, and reads of the standard input).
   */
  private static void fill(Memory memory, Random random) {
    for (int i = 0; i < PATH_TEXTS.length; i++) {
      memory.write(PATHS + 32L * i, PATH_TEXTS[i].getBytes(StandardCharsets.UTF_8));
    }
    for (int i = 0; i < 64; i++) {
      int pointer = random.nextInt(8) == 0 ? random.nextInt(MEMORY_END + 64) : BUFFERS + 64 * i;
      int length = random.nextInt(8) == 0 ? random.nextInt() : random.nextInt(96);
      memory.writeInt(IOVECS + 8L * i, pointer);
      memory.writeInt(IOVECS + 8L * i + 4, length);
    }
    for (int i = 0; i < 16; i++) {
      long at = SUBSCRIPTIONS + 48L * i;
      memory.writeLong(at, random.nextLong());
      int tag = random.nextInt(4);
      memory.writeByte(at + 8, (byte) (tag == 3 ? random.nextInt(256) : tag));
      memory.writeInt(at + 16, tag == 0 ? random.nextInt(5) : random.nextInt(6));
      memory.writeLong(at + 24, random.nextInt(20_000));
      memory.writeLong(at + 32, random.nextInt(1000));
      memory.writeByte(at + 40, (byte) random.nextInt(3));
    }
  }

  /** Overwrites a few bytes somewhere a guest's structures are. */
  private static void scribble(Memory memory, Random random) {
    int at = random.nextInt(SUBSCRIPTIONS + 16 * 48);
    byte[] bytes = new byte[1 + random.nextInt(16)];
    random.nextBytes(bytes);
    memory.write(at, bytes);
  }

  /** Chooses arguments as a hostile guest would: mostly plausible, often not. */
  private static final class Guest {
    private final Random random;
    private final Memory memory;
    private final List<Integer> descriptors = new ArrayList<>(List.of(0, 1, 2, 3, 4));

    Guest(Random random, Memory memory) {
      this.random = random;
      this.memory = memory;
    }

    /** Records the descriptor path_open wrote at {@code pointer}, for later calls to use. */
    void opened(int pointer) {
      descriptors.add(memory.readInt(pointer));
    }

    WasmValue[] arguments(String roles) {
      List<WasmValue> args = new ArrayList<>();
      for (char role : roles.toCharArray()) {
        boolean hostile = random.nextInt(12) == 0;
        switch (role) {
          case 'L' -> args.add(WasmValue.i64(hostile ? int64() : plausible64()));
          case 's' -> {
            int p = random.nextInt(PATH_TEXTS.length);
            int length = PATH_TEXTS[p].getBytes(StandardCharsets.UTF_8).length;
            args.add(WasmValue.i32(hostile ? pointer() : PATHS + 32 * p));
            args.add(WasmValue.i32(random.nextInt(12) == 0 ? int32() : length));
          }
          default -> args.add(WasmValue.i32(hostile ? int32() : plausible(role)));
        }
      }
      return args.toArray(WasmValue[]::new);
    }

    private int plausible(char role) {
      return switch (role) {
        case 'x' ->
            switch (random.nextInt(5)) {
              case 0, 1 -> 0;
              case 2 -> 1;
              case 3 -> random.nextInt(16);
              default -> random.nextInt(1 << random.nextInt(17));
            };
        case 'f' ->
            switch (random.nextInt(8)) {
              case 0 -> random.nextInt(16);
              case 1, 2, 3 -> 3; // the sandbox's folder
              default -> descriptors.get(random.nextInt(descriptors.size()));
            };
        case 'p' -> random.nextInt(4) == 0 ? pointer() : RESULTS + 16 * random.nextInt(64);
        case 'v' -> IOVECS + 8 * random.nextInt(16);
        case 'q' -> SUBSCRIPTIONS + 48 * random.nextInt(8);
        case 'n' -> random.nextInt(4) == 0 ? random.nextInt(4096) : random.nextInt(5);
        default ->
            switch (random.nextInt(4)) {
              case 0 -> 0;
              case 1 -> random.nextInt(1 << random.nextInt(17));
              default -> random.nextInt(16);
            };
      };
    }

    private long plausible64() {
      return switch (random.nextInt(4)) {
        case 0 -> -1;
        case 1 -> random.nextInt(1 << 20);
        default -> random.nextInt(64);
      };
    }

    /** A pointer: to a structure laid out by {@link #fill}, near the end of memory, or past it. */
    private int pointer() {
      return switch (random.nextInt(6)) {
        case 0 -> IOVECS + 8 * random.nextInt(8);
        case 1 -> SUBSCRIPTIONS + 48 * random.nextInt(4);
        case 2 -> BUFFERS + random.nextInt(4096);
        case 3 -> MEMORY_END - random.nextInt(64);
        case 4 -> MEMORY_END + random.nextInt(64);
        default -> random.nextInt(MEMORY_END);
      };
    }

    private int int32() {
      return switch (random.nextInt(5)) {
        case 0 -> -1;
        case 1 -> Integer.MIN_VALUE;
        case 2 -> Integer.MAX_VALUE;
        case 3 -> -random.nextInt(100);
        default -> random.nextInt();
      };
    }

    private long int64() {
      return switch (random.nextInt(6)) {
        case 0 -> Long.MAX_VALUE;
        case 1 -> Long.MIN_VALUE;
        case 2 -> 1L << (32 + random.nextInt(31));
        default -> random.nextLong();
      };
    }
  }

  private static String describe(WasmValue[] args) {
    StringBuilder s = new StringBuilder();
    for (WasmValue v : args) {
      s.append(v instanceof WasmValue.I32 i ? i.value() : ((WasmValue.I64) v).value()).append(' ');
    }
    return s.toString().trim();
  }
}
