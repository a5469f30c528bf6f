using System;
using System.Collections.Generic;
using WebhookTasks.Symbols;

namespace WebhookTasks.Analyzers;

/// <summary>
/// Finds the input a mistyped placeholder most likely meant. Names already match ignoring case, so
/// what is left is underscores (<c>itemid</c> for <c>item_id</c>), a property name used where an
/// <c>[Input]</c> alias is the name, and small typos.
/// </summary>
internal static class InputSuggestion
{
    public static string? Find(string name, IReadOnlyList<InputDeclaration> inputs)
    {
        var key = Normalize(name);
        foreach (var input in inputs)
        {
            if (Normalize(input.Name) == key || Normalize(input.Property.Name) == key)
            {
                return input.Name;
            }
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = name.Length <= 4 ? 1 : 2;
        foreach (var input in inputs)
        {
            var distance = Math.Min(
                Distance(key, Normalize(input.Name)),
                Distance(key, Normalize(input.Property.Name)));
            if (distance <= limit && distance < bestDistance)
            {
                best = input.Name;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static string Normalize(string name) => name.Replace("_", "").ToLowerInvariant();

    /// <summary>Edit distance: an insertion, deletion, substitution or swap of neighbours counts one.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(d[i - 1, j - 1] + cost, Math.Min(d[i - 1, j], d[i, j - 1]) + 1);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
