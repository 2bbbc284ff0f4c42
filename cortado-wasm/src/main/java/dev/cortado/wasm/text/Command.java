package dev.cortado.wasm.text;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One command of a {@link Script}. Every command knows the line where it starts, so a runner can
 * name a failure {@code file.wast:line}.
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">Scripts</a>
 */
public sealed interface Command {
  /** Returns the 1-based line of the command's opening parenthesis. */
  int line();

  /** Returns the module the command defines or makes an assertion about, if it has one. */
  default Optional<ModuleSource> moduleSource() {
    return switch (this) {
      case DefineModule c -> Optional.of(c.module());
      case ModuleDefinition c -> Optional.of(c.module());
      case ModuleInstance c -> Optional.empty();
      case AssertModuleTrap c -> Optional.of(c.module());
      case AssertInvalid c -> Optional.of(c.module());
      case AssertMalformed c -> Optional.of(c.module());
      case AssertCustom c -> Optional.of(c.module());
      case AssertUnlinkable c -> Optional.of(c.module());
      case AssertUninstantiable c -> Optional.of(c.module());
      case Register r -> Optional.empty();
      case Perform p -> Optional.empty();
      case AssertReturn a -> Optional.empty();
      case AssertTrap a -> Optional.empty();
      case AssertExhaustion a -> Optional.empty();
      case AssertException a -> Optional.empty();
    };
  }

  /**
   * {@code (module ...)}: define a module and instantiate it; it becomes the current module.
   *
   * @param line where the command starts
   * @param module the module
   */
  record DefineModule(int line, ModuleSource module) implements Command {
    /** Checks the module is present. */
    public DefineModule {
      Objects.requireNonNull(module, "module");
    }
  }

  /**
   * {@code (module definition $id? ...)}: define a module (decode or parse it, and validate it)
   * without instantiating it; {@link ModuleInstance} instantiates it later, any number of times.
   *
   * @param line where the command starts
   * @param module the module, with the definition's identifier
   */
  record ModuleDefinition(int line, ModuleSource module) implements Command {
    /** Checks the module is present. */
    public ModuleDefinition {
      Objects.requireNonNull(module, "module");
    }
  }

  /**
   * {@code (module instance $instance? $definition?)}: instantiate a module definition (the named
   * one, else the last module defined); the instance becomes the current module.
   *
   * @param line where the command starts
   * @param instanceId the name of the new instance, if any
   * @param definitionId the definition to instantiate, or the last one when empty
   */
  record ModuleInstance(int line, Optional<String> instanceId, Optional<String> definitionId)
      implements Command {
    /** Checks both parts are present. */
    public ModuleInstance {
      Objects.requireNonNull(instanceId, "instanceId");
      Objects.requireNonNull(definitionId, "definitionId");
    }
  }

  /**
   * {@code (register "name" $id?)}: make a module's exports importable under {@code name}.
   *
   * @param line where the command starts
   * @param name the module name imports will use
   * @param moduleId the module to register, or the current module when empty
   */
  record Register(int line, String name, Optional<String> moduleId) implements Command {
    /** Checks both parts are present. */
    public Register {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(moduleId, "moduleId");
    }
  }

  /**
   * An action on its own: perform it, ignoring its results (it may still trap, which fails).
   *
   * @param line where the command starts
   * @param action the action
   */
  record Perform(int line, Action action) implements Command {
    /** Checks the action is present. */
    public Perform {
      Objects.requireNonNull(action, "action");
    }
  }

  /**
   * {@code (assert_return action result*)}: the action returns results matching {@code expected}.
   *
   * @param line where the command starts
   * @param action the action
   * @param expected one expectation per result
   */
  record AssertReturn(int line, Action action, List<ExpectedResult> expected) implements Command {
    /** Copies the expectations and checks the action is present. */
    public AssertReturn {
      Objects.requireNonNull(action, "action");
      expected = List.copyOf(expected);
    }
  }

  /**
   * {@code (assert_trap action "message")}: the action traps.
   *
   * @param line where the command starts
   * @param action the action
   * @param message the expected trap message (a runner should check its start)
   */
  record AssertTrap(int line, Action action, String message) implements Command {
    /** Checks both parts are present. */
    public AssertTrap {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * {@code (assert_trap (module ...) "message")}: instantiating the module traps (in its start
   * function or while initialising segments).
   *
   * @param line where the command starts
   * @param module the module
   * @param message the expected trap message
   */
  record AssertModuleTrap(int line, ModuleSource module, String message) implements Command {
    /** Checks both parts are present. */
    public AssertModuleTrap {
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * {@code (assert_exception action)}: the action throws a WebAssembly exception that nothing
   * catches (Wasm 3.0).
   *
   * @param line where the command starts
   * @param action the action
   */
  record AssertException(int line, Action action) implements Command {
    /** Checks the action is present. */
    public AssertException {
      Objects.requireNonNull(action, "action");
    }
  }

  /**
   * {@code (assert_exhaustion action "message")}: the action exhausts a resource (the call stack).
   *
   * @param line where the command starts
   * @param action the action
   * @param message the expected message
   */
  record AssertExhaustion(int line, Action action, String message) implements Command {
    /** Checks both parts are present. */
    public AssertExhaustion {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * {@code (assert_invalid module "message")}: the module is well-formed but fails validation.
   *
   * @param line where the command starts
   * @param module the module
   * @param message the expected validation error
   */
  record AssertInvalid(int line, ModuleSource module, String message) implements Command {
    /** Checks both parts are present. */
    public AssertInvalid {
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * {@code (assert_malformed module "message")}: the module (binary or quoted text) is malformed.
   *
   * @param line where the command starts
   * @param module the module
   * @param message the expected error
   */
  record AssertMalformed(int line, ModuleSource module, String message) implements Command {
    /** Checks both parts are present. */
    public AssertMalformed {
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * {@code (assert_unlinkable module "message")}: the module is valid but its imports cannot be
   * satisfied.
   *
   * @param line where the command starts
   * @param module the module
   * @param message the expected error
   */
  record AssertUnlinkable(int line, ModuleSource module, String message) implements Command {
    /** Checks both parts are present. */
    public AssertUnlinkable {
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * {@code (assert_uninstantiable module "message")}: linking succeeds but instantiation fails.
   *
   * @param line where the command starts
   * @param module the module
   * @param message the expected error
   */
  record AssertUninstantiable(int line, ModuleSource module, String message) implements Command {
    /** Checks both parts are present. */
    public AssertUninstantiable {
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * {@code (assert_malformed_custom module "message")} or {@code (assert_invalid_custom module
   * "message")}: the module is well-formed and valid by the core rules, but a custom annotation in
   * it is malformed, or says something invalid (a branch hint on an instruction that does not
   * branch); a parser that interprets the annotation rejects the module.
   *
   * @param line where the command starts
   * @param module the module
   * @param message the expected error
   * @param invalid whether the annotation is invalid ({@code assert_invalid_custom}) rather than
   *     malformed
   */
  record AssertCustom(int line, ModuleSource module, String message, boolean invalid)
      implements Command {
    /** Checks the module and message are present. */
    public AssertCustom {
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(message, "message");
    }
  }
}
