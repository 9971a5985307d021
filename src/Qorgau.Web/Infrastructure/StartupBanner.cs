using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.Web.Infrastructure;

/// <summary>Tells the person who started the app where to open it, and for a demo installation how to log in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0)
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        var isDemo = db.Installations.AsNoTracking().Any(i => i.IsDemo);
        Console.WriteLine();
        Console.WriteLine($"Qorgau is running. Open {string.Join(" or ", addresses)} in a browser (Ctrl+C stops it).");
        if (isDemo)
        {
            Console.WriteLine($"Demo installation: staff accounts are listed in the README; each has the password {DemoVerb.DemoPassword}");
        }

        Console.WriteLine();
    }
}
