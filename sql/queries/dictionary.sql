-- Statements behind `ganpo db docs`: the mart's views and columns with their comments.

-- name: mart_views
SELECT c.relname AS view, obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'mart' AND c.relkind = 'v'
ORDER BY c.relname;

-- name: mart_columns
SELECT c.relname AS view, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
       col_description(c.oid, a.attnum) AS comment
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE n.nspname = 'mart' AND c.relkind = 'v'
ORDER BY c.relname, a.attnum;
