-- Aborts the statement that calls it with SQLSTATE P0001 and `code` as the message: a one-statement
-- action (sent outside an explicit transaction) whose CTEs each guard their own write calls it when
-- one write succeeded and a later one was refused, so the statement, and with it the first write,
-- is rolled back (buyFromVendor: the gold was taken but the items would pass 2^31-1). The caller
-- maps the code to its DbError. Declared to return a boolean so it can sit in a CASE.
CREATE FUNCTION "raise_refusal"("code" TEXT) RETURNS BOOLEAN LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = "code";
END
$$;
