using CsCheck;
using Qorgau.Domain.Statistics;

namespace Qorgau.UnitTests.Statistics;

/// <summary>
/// Property tests: random tables (counts skewed small, so that many cells fall under the threshold) are
/// protected, then an attacker who knows every published number and every published total tries to
/// solve for a suppressed one. The attacker's algebra is its own (exact ranks modulo a large prime), not
/// the elimination the rule uses.
/// </summary>
public sealed class DisclosureControlTests
{
    private const int Threshold = 5;

    private static readonly Gen<long[,]> Tables =
        from rows in Gen.Int[1, 5]
        from columns in Gen.Int[1, 5]
        from values in Gen.Int[0, 14].Array[rows * columns]
        select Table(rows, columns, values);

    [Fact]
    public void No_published_number_of_a_protected_table_is_above_zero_and_under_the_threshold()
    {
        Gen.Select(Tables, Gen.Bool, Gen.Bool).Sample((cells, rowTotals, columnTotals) =>
        {
            var table = DisclosureControl.Protect(cells, rowTotals, columnTotals, Threshold);
            foreach (var (r, c) in Places(table))
            {
                (table.Published(r, c) is null or 0 or >= Threshold).ShouldBeTrue();
            }
        });
    }

    [Fact]
    public void No_suppressed_cell_can_be_recovered_from_the_rows_columns_and_grand_total_of_its_table()
    {
        Gen.Select(Tables, Gen.Bool, Gen.Bool).Sample((cells, rowTotals, columnTotals) =>
        {
            var table = DisclosureControl.Protect(cells, rowTotals, columnTotals, Threshold);
            var attack = new Attack(cells.GetLength(0) * cells.GetLength(1));
            foreach (var (r, c) in Places(table).Where(p => !table.Suppressed[p.Row, p.Column]))
            {
                attack.Know(Form(table, r, c, cells.GetLength(1), offset: 0));
            }

            foreach (var (r, c) in Places(table).Where(p => table.Suppressed[p.Row, p.Column]))
            {
                attack.Recovers(Form(table, r, c, cells.GetLength(1), offset: 0)).ShouldBeFalse($"cell ({r},{c}) of {Show(table)}");
            }
        });
    }

    [Fact]
    public void No_suppressed_cell_can_be_recovered_by_subtracting_tables_published_for_overlapping_periods()
    {
        var years = from rows in Gen.Int[1, 4]
                    from columns in Gen.Int[1, 4]
                    from count in Gen.Int[2, 3]
                    from values in Gen.Int[0, 9].Array[rows * columns * count]
                    select Enumerable.Range(0, count).Select(y => Table(rows, columns, values[(y * rows * columns)..((y + 1) * rows * columns)])).ToArray();
        Gen.Select(years, Gen.Bool).Sample((grains, rowTotals) =>
        {
            var (rows, columns) = (grains[0].GetLength(0), grains[0].GetLength(1));
            var attack = new Attack(rows * columns * grains.Length);
            var published = new List<(ProtectedTable Table, int First, int Last)>();
            for (var first = 0; first < grains.Length; first++)
            {
                for (var last = first; last < grains.Length; last++)
                {
                    var table = DisclosureControl.ProtectPeriod(grains[first..(last + 1)], rowTotals, columnTotals: true, Threshold);
                    published.Add((table, first, last));
                    foreach (var (r, c) in Places(table).Where(p => !table.Suppressed[p.Row, p.Column]))
                    {
                        attack.Know(PeriodForm(table, r, c, first, last, grains.Length));
                    }
                }
            }

            foreach (var (table, first, last) in published)
            {
                foreach (var (r, c) in Places(table).Where(p => table.Suppressed[p.Row, p.Column]))
                {
                    attack.Recovers(PeriodForm(table, r, c, first, last, grains.Length)).ShouldBeFalse($"cell ({r},{c}) of years {first}..{last}");
                }
            }
        });
    }

    [Fact]
    public void A_single_small_cell_in_a_column_with_a_published_total_takes_the_smallest_other_count_with_it()
    {
        long[,] cells = { { 3 }, { 40 }, { 12 } };

        var table = DisclosureControl.Protect(cells, rowTotals: false, columnTotals: true, Threshold);

        table.Published(0, 0).ShouldBeNull();
        table.Published(2, 0).ShouldBeNull();
        table.Published(1, 0).ShouldBe(40);
        table.Published(3, 0).ShouldBe(55);
    }

    [Fact]
    public void A_count_of_zero_is_published_and_a_table_without_small_counts_is_published_whole()
    {
        long[,] cells = { { 0, 7 }, { 9, 5 } };

        DisclosureControl.Protect(cells, rowTotals: true, columnTotals: true, Threshold).SuppressedCount.ShouldBe(0);
    }

    [Fact]
    public void A_year_with_a_small_count_withholds_that_cell_from_every_period_that_contains_the_year()
    {
        long[,] first = { { 3 }, { 20 }, { 30 } };
        long[,] second = { { 40 }, { 20 }, { 30 } };

        var both = DisclosureControl.ProtectPeriod([first, second], rowTotals: false, columnTotals: true, Threshold);

        both.Published(0, 0).ShouldBeNull();
        both.Published(1, 0).ShouldBeNull();
        DisclosureControl.ProtectPeriod([second], rowTotals: false, columnTotals: true, Threshold).SuppressedCount.ShouldBe(0);
    }

    private static long[,] Table(int rows, int columns, int[] values)
    {
        var table = new long[rows, columns];
        for (var i = 0; i < values.Length; i++)
        {
            table[i / columns, i % columns] = values[i];
        }

        return table;
    }

    private static IEnumerable<(int Row, int Column)> Places(ProtectedTable table) =>
        from r in Enumerable.Range(0, table.Rows + 1)
        from c in Enumerable.Range(0, table.Columns + 1)
        where table.Exists(r, c)
        select (r, c);

    /// <summary>A place of the table as a sum of its cells (a total is the sum of its line), over the unknowns from <paramref name="offset"/>.</summary>
    private static long[] Form(ProtectedTable table, int row, int column, int columns, int offset, int? length = null)
    {
        var form = new long[length ?? table.Rows * columns];
        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if ((row == table.Rows || row == r) && (column == columns || column == c))
                {
                    form[offset + (r * columns) + c] = 1;
                }
            }
        }

        return form;
    }

    /// <summary>A place of a period's table over the cells of every grain: the sum of the place over the period's grains.</summary>
    private static long[] PeriodForm(ProtectedTable table, int row, int column, int first, int last, int grains)
    {
        var size = table.Rows * table.Columns;
        var form = new long[size * grains];
        for (var y = first; y <= last; y++)
        {
            var part = Form(table, row, column, table.Columns, y * size, form.Length);
            for (var i = 0; i < form.Length; i++)
            {
                form[i] += part[i];
            }
        }

        return form;
    }

    private static string Show(ProtectedTable table) =>
        string.Join(" / ", Enumerable.Range(0, table.Rows + 1).Select(r =>
            string.Join(" ", Enumerable.Range(0, table.Columns + 1).Select(c => !table.Exists(r, c) ? "." : table.Suppressed[r, c] ? $"[{table.Values[r, c]}]" : $"{table.Values[r, c]}"))));

    /// <summary>What an attacker knows: one linear equation per published number over the unknown cells, kept reduced modulo a prime.</summary>
    private sealed class Attack(int unknowns)
    {
        private const long Prime = 1_000_000_007;
        private readonly List<long[]> _equations = [];

        public void Know(long[] form) => _equations.Add(form);

        public bool Recovers(long[] form) => Rank([.. _equations, form]) == Rank(_equations);

        private int Rank(IEnumerable<long[]> rows)
        {
            var matrix = rows.Select(r => r.Select(v => ((v % Prime) + Prime) % Prime).ToArray()).ToList();
            var rank = 0;
            for (var column = 0; column < unknowns && rank < matrix.Count; column++)
            {
                var pivot = matrix.FindIndex(rank, r => r[column] != 0);
                if (pivot < 0)
                {
                    continue;
                }

                (matrix[rank], matrix[pivot]) = (matrix[pivot], matrix[rank]);
                var inverse = Power(matrix[rank][column], Prime - 2);
                for (var r = 0; r < matrix.Count; r++)
                {
                    if (r != rank && matrix[r][column] != 0)
                    {
                        var factor = matrix[r][column] * inverse % Prime;
                        for (var c = 0; c < unknowns; c++)
                        {
                            matrix[r][c] = ((matrix[r][c] - (factor * matrix[rank][c] % Prime)) % Prime + Prime) % Prime;
                        }
                    }
                }

                rank++;
            }

            return rank;
        }

        private static long Power(long value, long exponent)
        {
            var result = 1L;
            value %= Prime;
            while (exponent > 0)
            {
                if ((exponent & 1) == 1)
                {
                    result = result * value % Prime;
                }

                value = value * value % Prime;
                exponent >>= 1;
            }

            return result;
        }
    }
}
