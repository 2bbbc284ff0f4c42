package dev.cortado.component.internal;

import dev.cortado.component.Alias;
import dev.cortado.component.CoreType;
import dev.cortado.component.Declaration;
import dev.cortado.component.DefinedType;
import dev.cortado.component.ExternDesc;
import dev.cortado.component.PrimitiveType;
import dev.cortado.component.Sort;
import dev.cortado.component.ValueDefinition;
import dev.cortado.component.ValueType;
import dev.cortado.wasm.internal.ByteReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decodes the component model's types: value, function, component, instance and resource types. */
final class TypeDecoder {
  /** How deeply component, instance and core module types may nest in one another. */
  static final int MAX_NESTING = 100;

  private final ByteReader in;
  private int nesting;

  TypeDecoder(ByteReader in) {
    this.in = in;
  }

  /** Enters a nested type, or refuses one nested too deeply (a hostile binary's recursion). */
  void enter() {
    if (++nesting > MAX_NESTING) {
      throw in.error("types nested more than " + MAX_NESTING + " deep");
    }
  }

  void leave() {
    nesting--;
  }

  /** A {@code deftype}. */
  DefinedType definedType() {
    int at = in.position();
    int b = in.peekU8();
    switch (b) {
      case 0x40, 0x43 -> {
        in.u8();
        return function(b == 0x43);
      }
      case 0x41 -> {
        in.u8();
        return new DefinedType.ComponentType(declarations(true));
      }
      case 0x42 -> {
        in.u8();
        return new DefinedType.InstanceType(declarations(false));
      }
      case 0x3F, 0x3E -> {
        in.u8();
        Expect.next(in, 0x7F, "resource representation (only i32 exists)");
        Optional<Integer> destructor = optional() ? Optional.of(in.u32()) : Optional.empty();
        if (b == 0x3E && optional()) {
          in.u32(); // an async destructor's callback
        }
        return new DefinedType.Resource(destructor);
      }
      default -> {
        return new DefinedType.Value(valueDefinition(at));
      }
    }
  }

  private DefinedType.Func function(boolean async) {
    int n = in.count();
    List<DefinedType.Param> params = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      params.add(new DefinedType.Param(in.name(), valueType()));
    }
    int at = in.position();
    Optional<ValueType> result;
    switch (in.u8()) {
      case 0x00 -> result = Optional.of(valueType());
      case 0x01 -> {
        int named = in.count();
        if (named != 0) {
          throw in.error(
              "named results are not supported (a pre-release encoding): " + named + " results",
              at);
        }
        result = Optional.empty();
      }
      default -> throw in.error("malformed result list", at);
    }
    return new DefinedType.Func(params, result, async);
  }

  /** A {@code valtype}: a primitive type or a type index (a non-negative s33). */
  ValueType valueType() {
    int at = in.position();
    long v = in.s33();
    if (v >= 0) {
      return new ValueType.Indexed((int) v);
    }
    PrimitiveType p = v >= -64 ? PrimitiveType.ofCode((int) (v + 0x80)) : null;
    if (p == null) {
      throw in.error("malformed value type", at);
    }
    return p;
  }

  private Optional<ValueType> optionalValueType() {
    return optional() ? Optional.of(valueType()) : Optional.empty();
  }

  private boolean optional() {
    int at = in.position();
    return switch (in.u8()) {
      case 0 -> false;
      case 1 -> true;
      default -> throw in.error("malformed optional: expected 0x00 or 0x01", at);
    };
  }

  private ValueDefinition valueDefinition(int at) {
    int b = in.u8();
    PrimitiveType p = PrimitiveType.ofCode(b);
    if (p != null) {
      return new ValueDefinition.Primitive(p);
    }
    return switch (b) {
      case 0x72 -> {
        int n = nonEmpty("record fields");
        List<ValueDefinition.Field> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          fields.add(new ValueDefinition.Field(in.name(), valueType()));
        }
        yield new ValueDefinition.Record(fields);
      }
      case 0x71 -> {
        int n = nonEmpty("variant cases");
        List<ValueDefinition.Case> cases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          String name = in.name();
          Optional<ValueType> t = optionalValueType();
          Expect.next(in, 0x00, "variant case (refinements are gone)");
          cases.add(new ValueDefinition.Case(name, t));
        }
        yield new ValueDefinition.Variant(cases);
      }
      case 0x70 -> new ValueDefinition.ListOf(valueType(), 0);
      case 0x67 -> {
        ValueType element = valueType();
        int length = in.u32();
        if (length == 0) {
          throw in.error("a fixed-length list of no elements", at);
        }
        yield new ValueDefinition.ListOf(element, length);
      }
      case 0x6F -> {
        int n = nonEmpty("tuple types");
        List<ValueType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          types.add(valueType());
        }
        yield new ValueDefinition.Tuple(types);
      }
      case 0x6E -> new ValueDefinition.Flags(labels("flags"));
      case 0x6D -> new ValueDefinition.Enum(labels("enum cases"));
      case 0x6B -> new ValueDefinition.Option(valueType());
      case 0x6A -> {
        Optional<ValueType> ok = optionalValueType();
        yield new ValueDefinition.Result(ok, optionalValueType());
      }
      case 0x69 -> new ValueDefinition.Own(in.u32());
      case 0x68 -> new ValueDefinition.Borrow(in.u32());
      case 0x66 -> new ValueDefinition.Stream(optionalValueType());
      case 0x65 -> new ValueDefinition.Future(optionalValueType());
      default -> throw in.error("malformed defined type 0x" + Integer.toHexString(b), at);
    };
  }

  private int nonEmpty(String what) {
    int at = in.position();
    int n = in.count();
    if (n == 0) {
      throw in.error("malformed type: no " + what, at);
    }
    return n;
  }

  private List<String> labels(String what) {
    int n = nonEmpty(what);
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(in.name());
    }
    return names;
  }

  /** The declarations of a component type ({@code component}) or an instance type. */
  private List<Declaration> declarations(boolean component) {
    enter();
    int n = in.count();
    List<Declaration> decls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = in.position();
      int kind = in.u8();
      decls.add(
          switch (kind) {
            case 0x00 -> new Declaration.CoreTypeDecl(coreType());
            case 0x01 -> new Declaration.TypeDecl(definedType());
            case 0x02 -> new Declaration.AliasDecl(alias());
            case 0x03 -> {
              if (!component) {
                throw in.error("an import in an instance type", at);
              }
              yield new Declaration.ImportDecl(externName().name(), externDesc());
            }
            case 0x04 -> new Declaration.ExportDecl(externName().name(), externDesc());
            default -> throw in.error("malformed declaration 0x" + Integer.toHexString(kind), at);
          });
    }
    return decls;
  }

  /** An import or export name with its optional version suffix. */
  record ExternName(String name, Optional<String> versionSuffix) {}

  ExternName externName() {
    int at = in.position();
    return switch (in.u8()) {
      case 0x00 -> new ExternName(in.linkName(), Optional.empty());
      case 0x01 -> {
        String name = in.linkName();
        yield new ExternName(name, Optional.of(in.name()));
      }
      default -> throw in.error("malformed import or export name", at);
    };
  }

  /** An {@code externdesc}. */
  ExternDesc externDesc() {
    int at = in.position();
    int kind = in.u8();
    return switch (kind) {
      case 0x00 -> {
        Expect.next(in, 0x11, "core module type");
        yield new ExternDesc.CoreModule(in.u32());
      }
      case 0x01 -> new ExternDesc.Func(in.u32());
      case 0x02 -> {
        int bound = in.position();
        yield switch (in.u8()) {
          case 0x00 -> new ExternDesc.Value(Optional.empty(), in.u32());
          case 0x01 -> new ExternDesc.Value(Optional.of(valueType()), -1);
          default -> throw in.error("malformed value bound", bound);
        };
      }
      case 0x03 -> {
        int bound = in.position();
        yield switch (in.u8()) {
          case 0x00 -> new ExternDesc.Type(in.u32());
          case 0x01 -> new ExternDesc.Type(-1);
          default -> throw in.error("malformed type bound", bound);
        };
      }
      case 0x04 -> new ExternDesc.Component(in.u32());
      case 0x05 -> new ExternDesc.Instance(in.u32());
      default -> throw in.error("malformed extern description 0x" + Integer.toHexString(kind), at);
    };
  }

  /** A {@code sort}: one byte, or 0x00 then a core sort. */
  Sort sort() {
    int at = in.position();
    return switch (in.u8()) {
      case 0x00 -> coreSort();
      case 0x01 -> Sort.FUNC;
      case 0x02 -> Sort.VALUE;
      case 0x03 -> Sort.TYPE;
      case 0x04 -> Sort.COMPONENT;
      case 0x05 -> Sort.INSTANCE;
      default -> throw in.error("malformed sort", at);
    };
  }

  Sort coreSort() {
    int at = in.position();
    return switch (in.u8()) {
      case 0x00 -> Sort.CORE_FUNC;
      case 0x01 -> Sort.CORE_TABLE;
      case 0x02 -> Sort.CORE_MEMORY;
      case 0x03 -> Sort.CORE_GLOBAL;
      case 0x10 -> Sort.CORE_TYPE;
      case 0x11 -> Sort.CORE_MODULE;
      case 0x12 -> Sort.CORE_INSTANCE;
      default -> throw in.error("malformed core sort", at);
    };
  }

  /** An {@code alias}. */
  Alias alias() {
    Sort sort = sort();
    int at = in.position();
    Alias.Target target =
        switch (in.u8()) {
          case 0x00 -> new Alias.Export(in.u32(), in.linkName());
          case 0x01 -> new Alias.CoreExport(in.u32(), in.linkName());
          case 0x02 -> new Alias.Outer(in.u32(), in.u32());
          default -> throw in.error("malformed alias target", at);
        };
    return new Alias(sort, target);
  }

  /** A {@code core:type}. */
  CoreType coreType() {
    return new CoreTypeDecoder(in, this).coreType();
  }
}
