import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';

describe('embedded database under concurrent transactions', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource({ ...dataSourceOptions({ kind: 'embedded', dataDir: null }), migrationsRun: false }).initialize();
    await dataSource.query('CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)');
    await dataSource.query('INSERT INTO counter VALUES (1, 0)');
  });

  afterAll(() => dataSource.destroy());

  it('keeps each transaction whole: 50 increments with 5 rolled back leave exactly 45', async () => {
    const increments = Array.from({ length: 50 }, (_, index) =>
      dataSource
        .transaction(async (manager) => {
          const [{ value }] = await manager.query('SELECT value FROM counter WHERE id = 1');
          await new Promise((resolve) => setImmediate(resolve));
          await manager.query('UPDATE counter SET value = $1 WHERE id = 1', [value + 1]);
          if (index % 10 === 0) throw new Error('roll back');
        })
        .then(
          () => 'committed',
          () => 'rolled back',
        ),
    );
    const outcomes = await Promise.all(increments);

    expect(outcomes.filter((outcome) => outcome === 'rolled back')).toHaveLength(5);
    const [{ value }] = await dataSource.query('SELECT value FROM counter WHERE id = 1');
    expect(value).toBe(45);
  });

  it('reports affected rows of updates as node-postgres does', async () => {
    const [, affected] = await dataSource.query('UPDATE counter SET value = value WHERE id = 1');
    expect(affected).toBe(1);
  });
});
