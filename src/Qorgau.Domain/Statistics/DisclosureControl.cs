namespace Qorgau.Domain.Statistics;

/// <summary>
/// A table of counts with the totals published beside it, and which of its numbers may be published.
/// <see cref="Values"/> is the table with its margins: rows 0..<see cref="Rows"/>-1 and columns
/// 0..<see cref="Columns"/>-1 are the cells; the extra last column holds the row totals (when published)
/// and the extra last row the column totals (when published), their corner the grand total.
/// </summary>
public sealed class ProtectedTable
{
    internal ProtectedTable(long[,] values, bool[,] suppressed, int rows, int columns, bool rowTotals, bool columnTotals)
    {
        Values = values;
        Suppressed = suppressed;
        Rows = rows;
        Columns = columns;
        HasRowTotals = rowTotals;
        HasColumnTotals = columnTotals;
    }

    public int Rows { get; }

    public int Columns { get; }

    public bool HasRowTotals { get; }

    public bool HasColumnTotals { get; }

    /// <summary>Every number, suppressed or not: never to be published as such.</summary>
    public long[,] Values { get; }

    public bool[,] Suppressed { get; }

    /// <summary>The number to publish at a place of the table with its margins; null where it is suppressed.</summary>
    public long? Published(int row, int column) => Suppressed[row, column] ? null : Values[row, column];

    /// <summary>Whether a place of the table with its margins is published at all (the margins that were not asked for are not).</summary>
    public bool Exists(int row, int column) =>
        (row < Rows || HasColumnTotals) && (column < Columns || HasRowTotals);

    public int SuppressedCount => Places().Count(p => Suppressed[p.Row, p.Column]);

    internal IEnumerable<(int Row, int Column)> Places()
    {
        for (var r = 0; r <= Rows; r++)
        {
            for (var c = 0; c <= Columns; c++)
            {
                if (Exists(r, c))
                {
                    yield return (r, c);
                }
            }
        }
    }
}

/// <summary>
/// Statistical disclosure control for every number Qorgau publishes or exports. Primary suppression: a
/// count above zero and under the profile's threshold is not published. Secondary suppression: more
/// cells are withheld until no suppressed number can be computed from the published ones and the
/// published totals (no suppressed cell is determined by the linear equations the table's rows,
/// columns and grand total give). Tables for longer periods are built from tables of a fixed grain
/// (a calendar year) by <see cref="ProtectPeriod"/>, so two periods that overlap cannot be subtracted
/// to uncover a cell. The rule is written in docs/statistics.md.
/// </summary>
public static class DisclosureControl
{
    private const double Epsilon = 1e-9;

    /// <summary>Protects a table of counts (rows × columns) published with the totals asked for.</summary>
    public static ProtectedTable Protect(long[,] cells, bool rowTotals, bool columnTotals, int threshold) =>
        Protect(cells, rowTotals, columnTotals, threshold, null);

    /// <summary>
    /// Protects the table of a period from the tables of its grains (same rows and columns, one per
    /// calendar year): each grain is protected on its own, the period's numbers are their sums, and a
    /// number of the period is suppressed when it is suppressed in any grain. Whatever the period
    /// table publishes is then a sum of numbers the grain tables publish, so no combination of
    /// periods reveals more than the grains, which reveal no suppressed cell.
    /// </summary>
    public static ProtectedTable ProtectPeriod(IReadOnlyList<long[,]> grains, bool rowTotals, bool columnTotals, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfZero(grains.Count);
        var rows = grains[0].GetLength(0);
        var columns = grains[0].GetLength(1);
        var sum = new long[rows, columns];
        var union = new bool[rows + 1, columns + 1];
        foreach (var grain in grains)
        {
            var table = Protect(grain, rowTotals, columnTotals, threshold);
            for (var r = 0; r <= rows; r++)
            {
                for (var c = 0; c <= columns; c++)
                {
                    if (r < rows && c < columns)
                    {
                        sum[r, c] += grain[r, c];
                    }

                    union[r, c] |= table.Suppressed[r, c];
                }
            }
        }

        return Protect(sum, rowTotals, columnTotals, threshold, union);
    }

    private static ProtectedTable Protect(long[,] cells, bool rowTotals, bool columnTotals, int threshold, bool[,]? alreadySuppressed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var rows = cells.GetLength(0);
        var columns = cells.GetLength(1);
        var values = WithMargins(cells, rows, columns);
        var suppressed = alreadySuppressed is null ? new bool[rows + 1, columns + 1] : (bool[,])alreadySuppressed.Clone();
        var table = new ProtectedTable(values, suppressed, rows, columns, rowTotals, columnTotals);
        foreach (var (r, c) in table.Places())
        {
            suppressed[r, c] |= values[r, c] > 0 && values[r, c] < threshold;
        }

        var constraints = Constraints(table);
        while (Exposed(table, constraints) is { } exposed)
        {
            var partner = Partner(table, constraints, exposed)
                ?? throw new InvalidOperationException("Every number of the table is suppressed and one is still exposed.");
            suppressed[partner.Row, partner.Column] = true;
        }

        return table;
    }

    private static long[,] WithMargins(long[,] cells, int rows, int columns)
    {
        var values = new long[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(cells[r, c]);
                values[r, c] = cells[r, c];
                values[r, columns] += cells[r, c];
                values[rows, c] += cells[r, c];
                values[rows, columns] += cells[r, c];
            }
        }

        return values;
    }

    /// <summary>The equations a reader has: each published total is the sum of its line.</summary>
    private static List<List<((int Row, int Column) Place, int Sign)>> Constraints(ProtectedTable table)
    {
        var constraints = new List<List<((int, int), int)>>();
        if (table.HasRowTotals)
        {
            for (var r = 0; r < table.Rows + (table.HasColumnTotals ? 1 : 0); r++)
            {
                constraints.Add([.. Enumerable.Range(0, table.Columns).Select(c => ((r, c), 1)), ((r, table.Columns), -1)]);
            }
        }

        if (table.HasColumnTotals)
        {
            for (var c = 0; c < table.Columns + (table.HasRowTotals ? 1 : 0); c++)
            {
                constraints.Add([.. Enumerable.Range(0, table.Rows).Select(r => ((r, c), 1)), ((table.Rows, c), -1)]);
            }
        }

        return constraints;
    }

    /// <summary>
    /// The first suppressed place whose value the published numbers determine: reduce the equations,
    /// restricted to the suppressed unknowns, to row echelon form; an unknown is determined exactly when
    /// a reduced equation names it alone.
    /// </summary>
    private static (int Row, int Column)? Exposed(ProtectedTable table, List<List<((int Row, int Column) Place, int Sign)>> constraints)
    {
        var unknowns = table.Places().Where(p => table.Suppressed[p.Row, p.Column]).ToList();
        if (unknowns.Count == 0)
        {
            return null;
        }

        var index = unknowns.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var matrix = constraints
            .Select(equation =>
            {
                var row = new double[unknowns.Count];
                foreach (var (place, sign) in equation)
                {
                    if (index.TryGetValue(place, out var i))
                    {
                        row[i] += sign;
                    }
                }

                return row;
            })
            .Where(row => row.Any(v => Math.Abs(v) > Epsilon))
            .ToArray();
        foreach (var row in Reduce(matrix, unknowns.Count))
        {
            var named = Enumerable.Range(0, unknowns.Count).Where(i => Math.Abs(row[i]) > Epsilon).ToList();
            if (named.Count == 1)
            {
                return unknowns[named[0]];
            }
        }

        return null;
    }

    /// <summary>Gauss-Jordan elimination with partial pivoting; returns the non-zero rows of the reduced form.</summary>
    private static IEnumerable<double[]> Reduce(double[][] matrix, int width)
    {
        var pivotRow = 0;
        for (var column = 0; column < width && pivotRow < matrix.Length; column++)
        {
            var best = Enumerable.Range(pivotRow, matrix.Length - pivotRow).MaxBy(r => Math.Abs(matrix[r][column]));
            if (Math.Abs(matrix[best][column]) < Epsilon)
            {
                continue;
            }

            (matrix[pivotRow], matrix[best]) = (matrix[best], matrix[pivotRow]);
            var pivot = matrix[pivotRow][column];
            for (var c = 0; c < width; c++)
            {
                matrix[pivotRow][c] /= pivot;
            }

            for (var r = 0; r < matrix.Length; r++)
            {
                if (r != pivotRow && Math.Abs(matrix[r][column]) > Epsilon)
                {
                    var factor = matrix[r][column];
                    for (var c = 0; c < width; c++)
                    {
                        matrix[r][c] -= factor * matrix[pivotRow][c];
                    }
                }
            }

            pivotRow++;
        }

        return matrix.Take(pivotRow);
    }

    /// <summary>
    /// The cell to withhold beside an exposed one: in an equation that names it, the published cell that
    /// costs least: a cell of the table before a total (totals are shared by every breakdown of the same
    /// population, so they are withheld only for their own sake), a non-zero count before a zero (a
    /// withheld zero pins its partner from one side), then the smallest, then the first.
    /// </summary>
    private static (int Row, int Column)? Partner(ProtectedTable table, List<List<((int Row, int Column) Place, int Sign)>> constraints, (int Row, int Column) exposed) =>
        Cheapest(table, constraints.Where(equation => equation.Any(e => e.Place == exposed)).SelectMany(equation => equation.Select(e => e.Place)))
            ?? Cheapest(table, table.Places());

    private static (int Row, int Column)? Cheapest(ProtectedTable table, IEnumerable<(int Row, int Column)> places) =>
        places
            .Where(p => !table.Suppressed[p.Row, p.Column])
            .Distinct()
            .OrderBy(p => p.Row == table.Rows || p.Column == table.Columns)
            .ThenBy(p => table.Values[p.Row, p.Column] == 0)
            .ThenBy(p => table.Values[p.Row, p.Column])
            .ThenBy(p => p.Row)
            .ThenBy(p => p.Column)
            .Cast<(int Row, int Column)?>()
            .FirstOrDefault();
}
