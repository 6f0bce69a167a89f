using System.Text;

namespace PlacementBroker.Core.Quality;

/// <summary>An RFC 4180 CSV reader: quoted fields, doubled quotes, line breaks inside quotes. Each record says the line it starts on.</summary>
public static class CsvRecords
{
    public static async IAsyncEnumerable<(int Line, List<string> Fields)> ReadAsync(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        var buffer = new char[8192];
        var pendingQuote = false;
        int read;
        var any = false;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingQuote)
                {
                    pendingQuote = false;
                    if (c == '"')
                    {
                        field.Append('"');
                        continue;
                    }
                    inQuotes = false;
                }
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        pendingQuote = true;
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }
                        field.Append(c);
                    }
                    continue;
                }
                switch (c)
                {
                    case '"' when field.Length == 0:
                        inQuotes = true;
                        any = true;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        any = true;
                        break;
                    case '\r':
                        break;
                    case '\n':
                        fields.Add(field.ToString());
                        field.Clear();
                        if (any || fields.Count > 1 || fields[0].Length > 0)
                        {
                            yield return (recordLine, fields);
                        }
                        fields = [];
                        any = false;
                        line++;
                        recordLine = line;
                        break;
                    default:
                        field.Append(c);
                        any = true;
                        break;
                }
            }
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
