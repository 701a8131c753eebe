using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Edge;

/// <summary>The generated cloudfront-js-2.0 code: one line of route data, then the fixed <see cref="FunctionTemplate"/>.</summary>
internal static class FunctionCode
{
    /// <summary>CloudFront's limit on a function's code: 10 KB.</summary>
    public const int MaxBytes = 10 * 1024;

    public const string Runtime = "cloudfront-js-2.0";

    private const string DataStart = "var S = ";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The code for these routes; over <see cref="MaxBytes"/> it is refused with the part that takes the most room.</summary>
    public static string Render(EdgeRoutes routes)
    {
        var code = DataStart + Data(routes) + ";\n" + FunctionTemplate.Body;
        var size = Encoding.UTF8.GetByteCount(code);
        return size <= MaxBytes ? code : throw TooLarge(routes, size);
    }

    /// <summary>The routes of code this class generated (its first line); null for code it did not.</summary>
    public static EdgeRoutes? RoutesOf(string code)
    {
        var line = code.Split('\n', 2)[0];
        if (!line.StartsWith(DataStart, StringComparison.Ordinal) || !line.EndsWith(';'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(line[DataStart.Length..^1]);
            var root = json.RootElement;
            IReadOnlyList<string> Paths(string name) => PathList.Decode(root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!));
            return new EdgeRoutes(
                root.GetProperty("i").GetString()!,
                root.GetProperty("b").GetString(),
                root.GetProperty("r").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                Paths("d"),
                Paths("f"),
                Paths("n"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Data(EdgeRoutes routes) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("i", routes.Index);
        w.WriteString("b", routes.SpaRoot);
        w.WritePropertyName("r");
        Map(w, routes.Redirects);
        w.WritePropertyName("d");
        List(w, PathList.Encode(routes.Folders));
        w.WritePropertyName("f");
        List(w, PathList.Encode(routes.Files));
        w.WritePropertyName("n");
        List(w, PathList.Encode(routes.Negotiated));
        w.WriteEndObject();
    });

    private static DeployException TooLarge(EdgeRoutes routes, int size)
    {
        var parts = new (string Name, int Bytes, string Advice)[]
        {
            ($"the {routes.Redirects.Count} redirects", Bytes(w => Map(w, routes.Redirects)), "move some redirects to S3 redirect objects or a routing rule"),
            ($"the {routes.Folders.Count} folders with an index document", Bytes(w => List(w, PathList.Encode(routes.Folders))), "deploy fewer folders behind this distribution"),
            ($"the {routes.Negotiated.Count} files with both .br and .gz siblings (precompressed \"negotiate\")", Bytes(w => List(w, PathList.Encode(routes.Negotiated))), "use precompressed \"br\" or \"gzip\" instead of \"negotiate\""),
            ($"the {routes.Files.Count} files without an extension", Bytes(w => List(w, PathList.Encode(routes.Files))), "give those files extensions"),
        };
        var largest = parts.MaxBy(p => p.Bytes);
        return DeployException.Refused(
            DiagnosticCode.FunctionTooLarge,
            $"The CloudFront function for this site would be {size:N0} bytes, over CloudFront's limit of {MaxBytes:N0} bytes. "
            + $"Its largest part is {largest.Name} ({largest.Bytes:N0} bytes): {largest.Advice}.");
    }

    private static void Map(Utf8JsonWriter w, IReadOnlyDictionary<string, string> map)
    {
        w.WriteStartObject();
        foreach (var (key, value) in map)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static void List(Utf8JsonWriter w, IReadOnlyList<string> items)
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }

    private static int Bytes(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetByteCount(Json(write));

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
