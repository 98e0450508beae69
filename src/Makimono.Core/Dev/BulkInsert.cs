using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Makimono.Dev;

/// <summary>
/// Inserts entities with one prepared statement and plain ADO.NET, columns and value conversions taken from the EF
/// model, so the generator writes exactly what EF would, a hundred times faster than change tracking.
/// </summary>
internal sealed class BulkInsert<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, DbParameter Parameter)[] _columns;

    public BulkInsert(DbContext db, DbConnection connection, DbTransaction transaction)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().Where(p => !p.IsShadowProperty()).ToArray();
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _columns = properties.Select((p, i) =>
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            _command.Parameters.Add(parameter);
            return (p, parameter);
        }).ToArray();
        var names = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        var values = string.Join(", ", _columns.Select(c => c.Parameter.ParameterName));
        _command.CommandText = $"INSERT INTO \"{type.GetTableName()}\" ({names}) VALUES ({values})";
    }

    public void Add(T entity)
    {
        foreach (var (property, parameter) in _columns)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (value is not null && property.GetTypeMapping().Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }
            parameter.Value = value ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
