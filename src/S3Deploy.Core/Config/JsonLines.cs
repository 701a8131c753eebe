using System.Text.Json;

namespace S3Deploy.Core.Config;

/// <summary>Finds the line of a JSON path (as System.Text.Json writes paths: <c>$.rules[0].match</c>) so errors can point at it.</summary>
internal static class JsonLines
{
    public static int? LineOf(byte[] json, string path)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<string>();
        var indexes = new Stack<int>();
        string? pendingName = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        if ("$" + string.Concat(stack) + Segment(pendingName!) == path)
                        {
                            return Line(json, reader.TokenStartIndex);
                        }

                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var segment = Enter(ref pendingName, indexes);
                        if ("$" + string.Concat(stack) + segment == path)
                        {
                            return Line(json, reader.TokenStartIndex);
                        }

                        stack.Add(segment);
                        indexes.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        indexes.Pop();
                        continue;
                    default:
                        if ("$" + string.Concat(stack) + Enter(ref pendingName, indexes) == path)
                        {
                            return Line(json, reader.TokenStartIndex);
                        }

                        continue;
                }
            }
        }
        catch (JsonException)
        {
            // Only called on documents that parsed once; a null line is an acceptable answer for anything odd.
        }

        return null;
    }

    public static string Segment(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && name.Length > 0 ? "." + name : $"['{name}']";

    private static string Enter(ref string? pendingName, Stack<int> indexes)
    {
        if (pendingName is not null)
        {
            var name = pendingName;
            pendingName = null;
            return Segment(name);
        }

        if (indexes.Count == 0)
        {
            return "";
        }

        var index = indexes.Pop();
        indexes.Push(index + 1);
        return $"[{index}]";
    }

    private static int Line(byte[] json, long offset) => 1 + json.AsSpan(0, (int)offset).Count((byte)'\n');
}
