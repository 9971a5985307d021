using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Qorgau.Data;

namespace Qorgau.Web.Features.Import;

/// <summary>
/// Multi-row <c>INSERT ... VALUES (...), (...)</c> for new entities, built from the EF Core model (table,
/// columns) and with every value turned into a parameter by the column's own EF type mapping, so that
/// what is stored is exactly what <c>SaveChanges</c> would store, on SQLite and on PostgreSQL alike.
/// The import uses it because change tracking costs more than the database does for a hundred
/// thousand cases (measured in docs/benchmarks-import.md); it runs inside the caller's transaction.
/// </summary>
internal sealed class BatchInsert(QorgauDbContext db)
{
    /// <summary>
    /// PostgreSQL: many rows per statement, so that round trips stay few (far below its limit of 65,535
    /// parameters). SQLite runs in the process, so there is no round trip to save, and binding a
    /// statement's parameters by name costs the square of their number there (a thousand per statement
    /// took longer than change tracking): one row per statement, prepared once per batch and table.
    /// </summary>
    private const int PostgresMaxParameters = 10_000;

    private readonly Dictionary<Type, Table> _tables = [];

    public async Task InsertAsync<T>(IReadOnlyCollection<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        var table = TableOf(typeof(T));
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, PostgresMaxParameters / table.Columns.Count);
        DbCommand? command = null;
        try
        {
            foreach (var chunk in entities.Chunk(rowsPerStatement))
            {
                if (command is null || chunk.Length != rowsPerStatement)
                {
                    await DisposeAsync(command);
                    command = db.Database.GetDbConnection().CreateCommand();
                    command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                    command.CommandText = table.Statement(chunk.Length);
                }

                command.Parameters.Clear();
                var index = 0;
                foreach (var entity in chunk)
                {
                    foreach (var column in table.Columns)
                    {
                        command.Parameters.Add(column.Mapping.CreateParameter(command, table.ParameterName(index++), column.Property.GetGetter().GetClrValue(entity), column.Property.IsNullable));
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await DisposeAsync(command);
        }
    }

    private static async Task DisposeAsync(DbCommand? command)
    {
        if (command is not null)
        {
            await command.DisposeAsync();
        }
    }

    private Table TableOf(Type type)
    {
        if (!_tables.TryGetValue(type, out var table))
        {
            var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var columns = entityType.GetProperties()
                .Where(p => p.GetColumnName(store) is not null)
                .Select(p => new Column(p, p.GetColumnName(store)!, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
                .ToList();
            table = new Table(db.GetService<ISqlGenerationHelper>(), store, columns);
            _tables[type] = table;
        }

        return table;
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);

    private sealed class Table(ISqlGenerationHelper sql, StoreObjectIdentifier store, List<Column> columns)
    {
        private readonly Dictionary<int, string> _statements = [];

        public List<Column> Columns => columns;

        public string ParameterName(int index) => sql.GenerateParameterName($"p{index}");

        public string Statement(int rows)
        {
            if (_statements.TryGetValue(rows, out var statement))
            {
                return statement;
            }

            var text = new StringBuilder("INSERT INTO ")
                .Append(sql.DelimitIdentifier(store.Name, store.Schema))
                .Append(" (")
                .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
                .Append(") VALUES ");
            var index = 0;
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    text.Append(column == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder($"p{index++}"));
                }

                text.Append(')');
            }

            statement = text.ToString();
            _statements[rows] = statement;
            return statement;
        }
    }
}
