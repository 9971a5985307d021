using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Qorgau.CaseListBench;

/// <summary>A command EF Core sent: its text and copies of its parameters, exactly as bound.</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public NpgsqlCommand CreateCommand(NpgsqlConnection connection, string prefix = "")
    {
        var command = new NpgsqlCommand(prefix + Text, connection);
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }
}

/// <summary>
/// Records the commands EF Core executes, so that their plans can be compared with the hand-written
/// ones. Only on the context options used for EXPLAIN: the timed contexts have no interceptor.
/// </summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    public List<CapturedCommand> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command) =>
        Commands.Add(new CapturedCommand(command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
}
