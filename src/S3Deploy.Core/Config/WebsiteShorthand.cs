using System.Text.Json;

namespace S3Deploy.Core.Config;

/// <summary>
/// <c>"website": true</c> is short for <c>"website": {}</c> (host with the defaults), <c>false</c> for leaving it out.
/// Rewritten in place with as many bytes, so every line number in an error message stays right.
/// </summary>
internal static class WebsiteShorthand
{
    public static byte[] Expand(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("website"u8))
                {
                    reader.Read();
                    var replacement = reader.TokenType switch
                    {
                        JsonTokenType.True => "{}  "u8.ToArray(),
                        JsonTokenType.False => "null "u8.ToArray(),
                        _ => null,
                    };
                    if (replacement is null)
                    {
                        return json;
                    }

                    var expanded = (byte[])json.Clone();
                    replacement.CopyTo(expanded, reader.TokenStartIndex);
                    return expanded;
                }
            }
        }
        catch (JsonException)
        {
            // Not valid JSON: the loader reports it with its line and column.
        }

        return json;
    }
}
