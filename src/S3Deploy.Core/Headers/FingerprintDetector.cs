using System.Text.RegularExpressions;

namespace S3Deploy.Core.Headers;

/// <summary>
/// Guesses from a file name alone whether a bundler put a content hash in it, which makes
/// the file safe to cache forever (new bytes get a new name).
/// </summary>
/// <remarks>
/// A wrong "yes" caches a file that will change under the same name for a year; a wrong "no"
/// only gives a hashed file the short default. So every rule is strict, and when in doubt the
/// answer is no. The rules were tuned on real output of dotnet publish (.NET 10 Blazor WASM),
/// Vite 7 and webpack 5, plus the documented esbuild/Angular, Next.js, Hugo and Parcel styles.
/// </remarks>
internal static partial class FingerprintDetector
{
    public static bool IsFingerprinted(string relativeKey)
    {
        ArgumentNullException.ThrowIfNull(relativeKey);

        var name = relativeKey[(relativeKey.LastIndexOf('/') + 1)..];

        // dotnet publish writes precompressed siblings (x.wasm.br, x.wasm.gz): same name, same verdict.
        if (name.EndsWith(".br", StringComparison.Ordinal) || name.EndsWith(".gz", StringComparison.Ordinal))
            name = name[..^3];

        // The last dot-part is the extension, never the hash. The hash is one of the other dot-parts
        // (main.3f9c2a1b.js, index-bxxXfRiK.js.map), so a source map keeps its file's verdict.
        var parts = name.Split('.');
        var stemParts = parts.Length > 1 ? parts[..^1] : parts;

        for (var i = 0; i < stemParts.Length; i++)
        {
            var part = stemParts[i];

            if (EndsWithBase64UrlHash(part))
                return true;

            foreach (var segment in part.Split('-', '_'))
            {
                if (IsHexHash(segment) || IsUpperBase32Hash(segment))
                    return true;
            }

            // Blazor only: "System.Private.CoreLib.hf5ynivft9.wasm". Only the part right before the
            // extension, and only after a name, because 10 lowercase chars elsewhere are usually words.
            if (i > 0 && i == stemParts.Length - 1 && IsBlazorHash(part))
                return true;
        }

        return false;
    }

    /// <summary>
    /// webpack [contenthash] (20 hex, or [contenthash:8]), Next.js (16), Parcel (8), Hugo (64),
    /// older Angular/CRA (8-20). Needs a digit and a letter: "20240101" is a date, "deadbeef" a word.
    /// </summary>
    private static bool IsHexHash(string s) =>
        s.Length >= 8 && HexRegex().IsMatch(s) && HasDigitAndLetter(s) && !IsWordThenNumber(s);

    /// <summary>
    /// esbuild / Angular 17+ ("main-5QJZ4K2M.js", "styles-5INURTSO.css"): upper-case base32.
    /// All-letter ones ("THIRD-PARTY-LICENSES") are skipped because they read as words.
    /// </summary>
    private static bool IsUpperBase32Hash(string s) =>
        s.Length >= 8 && UpperAlnumRegex().IsMatch(s) && HasDigitAndLetter(s) && !IsWordThenNumber(s);

    /// <summary>
    /// .NET 10 static web assets: 10 chars of [a-z0-9]. Needs a digit, so all-letter hashes
    /// ("wohquxuxoe") are missed on purpose: they cannot be told from words.
    /// </summary>
    private static bool IsBlazorHash(string s) =>
        s.Length == 10 && LowerAlnumRegex().IsMatch(s) && HasDigitAndLetter(s) && !IsWordThenNumber(s);

    /// <summary>
    /// Vite/Rollup ("index-bxxXfRiK.js", "m12-Dtht-UOF.js"), also Astro/SvelteKit ("Layout.BhL0JcA6.css")
    /// and Nuxt ("BXgHXyJL.js"): the last 8 chars after a '-' (or the whole part) in base64url.
    /// The hash itself may contain '-' and '_', so it is taken from the end, not split out.
    /// </summary>
    private static bool EndsWithBase64UrlHash(string part)
    {
        if (part.Length < 8 || (part.Length > 8 && part[^9] != '-'))
            return false;

        var tail = part[^8..];
        if (!Base64UrlRegex().IsMatch(tail))
            return false;

        // Mixed case is what sets these apart from lower-case words ("app-settings").
        if (!tail.Any(char.IsAsciiLetterUpper) || !tail.Any(char.IsAsciiLetterLower))
            return false;

        // PascalCase/camelCase names ("app-MainPage", "app-Vue3Demo") change case only at word starts;
        // a hash changes it at random ("bxxXfRiK", "CAI3Ujb4"). If every piece reads like a word, no.
        return tail.Split('-', '_', StringSplitOptions.RemoveEmptyEntries).Any(piece => !CamelCaseRegex().IsMatch(piece));
    }

    private static bool HasDigitAndLetter(string s) => s.Any(char.IsAsciiDigit) && s.Any(char.IsAsciiLetter);

    /// <summary>A word glued to a number ("bundle2024", "facade2024", "LICENSE2") is a name, not a hash.</summary>
    private static bool IsWordThenNumber(string s) => WordThenNumberRegex().IsMatch(s);

    [GeneratedRegex("^(?:[0-9a-f]+|[0-9A-F]+)$")]
    private static partial Regex HexRegex();

    [GeneratedRegex("^[A-Z0-9]+$")]
    private static partial Regex UpperAlnumRegex();

    [GeneratedRegex("^[a-z0-9]+$")]
    private static partial Regex LowerAlnumRegex();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Base64UrlRegex();

    // Optional lower-case start ("i" of iPhone), then Capitalised words or numbers.
    [GeneratedRegex("^[a-z]*(?:[A-Z][a-z]+|[0-9]+)*$")]
    private static partial Regex CamelCaseRegex();

    [GeneratedRegex("^[A-Za-z]{3,}[0-9]+$")]
    private static partial Regex WordThenNumberRegex();
}
