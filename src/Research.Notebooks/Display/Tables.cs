using System.Globalization;
using System.Reflection;
using Microsoft.Data.Analysis;

namespace Research.Notebooks.Display;

/// <summary>DataFrames from rows of records: one column per public property (numbers as double, everything else as text).</summary>
public static class Tables
{
    /// <summary>
    /// A DataFrame with one row per item of <paramref name="rows"/> and one column per public readable property of
    /// <typeparamref name="T"/> (in declaration order) whose value is a number, bool, string or enum; other properties
    /// (lists, nested records) are left out.
    /// </summary>
    public static DataFrame From<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var items = rows.ToList();
        var columns = new List<DataFrameColumn>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsNumber(type))
            {
                columns.Add(new DoubleDataFrameColumn(property.Name, items.Select(r => property.GetValue(r) is { } v ? (double?)Convert.ToDouble(v, CultureInfo.InvariantCulture) : null)));
            }
            else if (type == typeof(string) || type == typeof(bool) || type.IsEnum)
            {
                columns.Add(new StringDataFrameColumn(property.Name, items.Select(r => Convert.ToString(property.GetValue(r), CultureInfo.InvariantCulture))));
            }
        }
        return new DataFrame(columns);
    }

    /// <summary>A two-column DataFrame (name, value) of named numbers.</summary>
    public static DataFrame KeyValue(IEnumerable<(string Name, double Value)> entries, string nameColumn = "name", string valueColumn = "value")
    {
        var list = entries.ToList();
        return new DataFrame(
            new StringDataFrameColumn(nameColumn, list.Select(e => e.Name)),
            new DoubleDataFrameColumn(valueColumn, list.Select(e => (double?)e.Value)));
    }

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) ||
        type == typeof(short) || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong) || type == typeof(decimal);
}
