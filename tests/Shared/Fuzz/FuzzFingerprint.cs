using System.Data.Common;
using System.Globalization;
using System.Text;

namespace TestInfrastructure.Fuzz;

/// <summary>What a post may change, as one string: how many grains have stored state, the appeals by status, department and
/// rating, the projects' last changes, the enterprises' officials, evidence files, wall tokens and users. A refused post must
/// leave it as it was. Left out on purpose: what the silo changes by itself while the run goes on (grain state versions, the
/// appeals' lights and levels as deadlines pass, district and town figures), which would blame a post for a timer's write.</summary>
public static class FuzzFingerprint
{
    // Portable SQL: the same text on SQLite and PostgreSQL.
    private static readonly string[] Queries =
    [
        "SELECT COUNT(*) FROM OrleansStorage",
        "SELECT status || '/' || COALESCE(department_code, '-') || '/' || is_closed || rated || satisfied, COUNT(*) FROM rm_appeals GROUP BY 1 ORDER BY 1",
        "SELECT COUNT(*), COALESCE(SUM(updated_at % 1000003), 0), COALESCE(SUM(completed_investment), 0) FROM rm_projects",
        "SELECT COALESCE(SUM(official_count), 0) FROM rm_enterprises",
        "SELECT COUNT(*) FROM appeal_evidence",
        "SELECT COUNT(*), COUNT(revoked_at) FROM wall_tokens",
        "SELECT COUNT(*) FROM users",
    ];

    public static async Task<string> ReadAsync(DbDataSource database, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var sql in Queries)
        {
            await using var command = database.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append(' ');
                }
            }

            text.Append('|');
        }

        return text.ToString();
    }
}
