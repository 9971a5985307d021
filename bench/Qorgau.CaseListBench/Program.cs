Console.WriteLine(typeof(Qorgau.Web.Features.Cases.CaseList).Assembly.Location);
Console.WriteLine(typeof(Npgsql.NpgsqlConnection).Assembly.GetName().Version);
