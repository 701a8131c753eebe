using System.Reflection;
using System.Reflection.Emit;

namespace S3Deploy.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which, read from the compiled code: signatures, locals and every type, method and
/// field a method body names (lambdas and async state machines count for the type that declares them). Constants are
/// inlined by the compiler and leave no trace, which is the one use this cannot see.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly SortedDictionary<string, SortedSet<string>> edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> examples = [];
    private readonly HashSet<(string User, string Used)> typeUses = [];

    public NamespaceGraph(IEnumerable<(string From, string To)> edges)
    {
        foreach (var (from, to) in edges)
        {
            Add(from, to);
        }
    }

    public IReadOnlyDictionary<string, SortedSet<string>> Edges => edges;

    /// <summary>One use that makes the edge, e.g. "Applying.InvalidationStep uses DeployOptions", to say where to cut a cycle.</summary>
    public string Example(string from, string to) => examples.GetValueOrDefault((from, to)) ?? "";

    /// <summary>The types of other namespaces that use <paramref name="type"/> (full names).</summary>
    public IEnumerable<string> UsersOf(Type type) => typeUses.Where(u => u.Used == type.FullName).Select(u => u.User).Order(StringComparer.Ordinal);

    /// <summary>The dependencies between namespaces under <paramref name="root"/> (the root itself included).</summary>
    public static NamespaceGraph Of(Assembly assembly, string root)
    {
        var graph = new NamespaceGraph([]);
        foreach (var type in assembly.GetTypes())
        {
            if (OwnerNamespace(type, assembly, root) is not { } from)
            {
                continue;
            }

            graph.edges.TryAdd(from, new SortedSet<string>(StringComparer.Ordinal));
            foreach (var used in TypesUsedBy(type))
            {
                if (OwnerNamespace(used, assembly, root) is { } to && to != from)
                {
                    graph.Add(from, to);
                    graph.examples.TryAdd((from, to), $"{Outermost(type).FullName} uses {Outermost(used).FullName}");
                    graph.typeUses.Add((Outermost(type).FullName!, Outermost(used).FullName!));
                }
            }
        }

        return graph;
    }

    /// <summary>A path that comes back to where it started (first and last the same), or null when there is none.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in edges.Keys)
        {
            if (Visit(start, done, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private List<string>? Visit(string node, HashSet<string> done, List<string> path)
    {
        var onPath = path.IndexOf(node);
        if (onPath >= 0)
        {
            return [.. path.Skip(onPath), node];
        }

        if (done.Contains(node))
        {
            return null;
        }

        path.Add(node);
        foreach (var next in edges.GetValueOrDefault(node) ?? [])
        {
            if (Visit(next, done, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(node);
        return null;
    }

    private void Add(string from, string to)
    {
        edges.TryAdd(to, new SortedSet<string>(StringComparer.Ordinal));
        if (!edges.TryGetValue(from, out var targets))
        {
            edges[from] = targets = new SortedSet<string>(StringComparer.Ordinal);
        }

        targets.Add(to);
    }

    private static Type Outermost(Type type)
    {
        while (type.HasElementType)
        {
            type = type.GetElementType()!;
        }

        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static string? OwnerNamespace(Type type, Assembly assembly, string root)
    {
        type = Outermost(type);
        var ns = type.Namespace;
        return type.Assembly == assembly && ns is not null && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal)) ? ns : null;
    }

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var used = new List<Type?> { type.BaseType };
        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        used.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                used.Add(info.ReturnType);
            }

            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            used.AddRange(TypesInBody(method));
        }

        return used.OfType<Type>().SelectMany(Expand);
    }

    private static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    foreach (var found in TypesOfMember(method.Module, BitConverter.ToInt32(il, at), typeArgs, methodArgs))
                    {
                        yield return found;
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static IEnumerable<Type> TypesOfMember(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArgs, methodArgs);
        }
        catch (ArgumentException)
        {
            // A member of an open generic seen without its context: its declaring type is still read from the other uses.
            yield break;
        }

        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case FieldInfo f:
                yield return f.DeclaringType!;
                yield return f.FieldType;
                break;
            case MethodInfo m:
                yield return m.DeclaringType!;
                yield return m.ReturnType;
                foreach (var arg in m.IsGenericMethod ? m.GetGenericArguments() : [])
                {
                    yield return arg;
                }

                break;
            case ConstructorInfo c:
                yield return c.DeclaringType!;
                break;
        }
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return inner;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
