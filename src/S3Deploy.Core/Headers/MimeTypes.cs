using System.Collections.Frozen;

namespace S3Deploy.Core.Headers;

/// <summary>
/// Content types by file extension: the full table generated from mime-db (Headers/MimeData/generate.js),
/// web overrides on top, and <c>; charset=utf-8</c> on text types.
/// </summary>
internal sealed class MimeTypes : IContentTypeResolver
{
    public const string Fallback = "application/octet-stream";

    private const string ResourceName = "S3Deploy.Core.mime-types.tsv";

    // mime-db keeps IANA/legacy choices (e.g. .mp4 -> application/mp4); these are what browsers expect for a website's files.
    private static readonly Dictionary<string, string> WebOverrides = new(StringComparer.OrdinalIgnoreCase)
    {
        ["js"] = "text/javascript",
        ["mjs"] = "text/javascript",
        ["cjs"] = "text/javascript",
        ["wasm"] = "application/wasm",
        ["webmanifest"] = "application/manifest+json",
        ["map"] = "application/json",
        ["json"] = "application/json",
        ["html"] = "text/html",
        ["htm"] = "text/html",
        ["css"] = "text/css",
        ["xml"] = "application/xml",
        ["txt"] = "text/plain",
        ["ics"] = "text/calendar",
        ["pdf"] = "application/pdf",
        ["svg"] = "image/svg+xml",
        ["ico"] = "image/x-icon",
        ["avif"] = "image/avif",
        ["webp"] = "image/webp",
        ["woff"] = "font/woff",
        ["woff2"] = "font/woff2",
        ["mp4"] = "video/mp4",
        ["wav"] = "audio/wav",
        // Blazor WebAssembly payloads.
        ["dll"] = Fallback,
        ["pdb"] = Fallback,
        ["dat"] = Fallback,
        ["blat"] = Fallback,
    };

    private static readonly Lazy<MimeTypes> Instance = new(() => new MimeTypes(ReadEmbeddedTable()));

    /// <summary>Extension without dot → full Content-Type value.</summary>
    private readonly FrozenDictionary<string, string> contentTypes;

    private MimeTypes(Dictionary<string, string> table)
    {
        foreach (var (extension, type) in WebOverrides)
        {
            table[extension] = type;
        }

        contentTypes = table.ToFrozenDictionary(e => e.Key, e => WithCharset(e.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The embedded table with the web overrides, loaded once on first use.</summary>
    public static MimeTypes Default => Instance.Value;

    public string ContentTypeFor(string relativeKey)
    {
        var name = relativeKey[(relativeKey.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
        {
            return Fallback; // no extension, or a dotfile such as ".htaccess"
        }

        return contentTypes.TryGetValue(name[(dot + 1)..], out var type) ? type : Fallback;
    }

    /// <summary>The generated table as shipped in the assembly: extension → MIME type, without overrides or charsets.</summary>
    internal static Dictionary<string, string> ReadEmbeddedTable()
    {
        using var stream = typeof(MimeTypes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);

        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                throw new InvalidDataException($"Malformed line in {ResourceName}: '{line}'.");
            }

            table[line[..tab]] = line[(tab + 1)..];
        }

        return table;
    }

    private static string WithCharset(string type) => IsText(type) ? type + "; charset=utf-8" : type;

    private static bool IsText(string type) =>
        type.StartsWith("text/", StringComparison.Ordinal)
        || type is "application/javascript" or "application/json" or "application/xml"
        || type.EndsWith("+json", StringComparison.Ordinal)
        || type.EndsWith("+xml", StringComparison.Ordinal);
}
