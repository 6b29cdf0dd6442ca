/**
 * How a property test runs in `npm test`: a number of runs and a time limit, whichever comes
 * first. On an idle laptop every run fits; on a loaded 2-core CI machine a property stops at its
 * time limit after fewer runs and passes, instead of overrunning vitest's timeout. The verdict
 * never depends on time: a failing run fails, with its seed and path. Only how many runs fit
 * does, and a property that stopped early says how many it made.
 *
 *   TANDEM_PROPERTY_RUNS      runs of every property, for a longer hunt (with a longer limit)
 *   TANDEM_PROPERTY_SECONDS   time limit of each property (default 10 s)
 *   TANDEM_PROPERTY_SEED, TANDEM_PROPERTY_PATH   replay the failing run fast-check printed
 */
import fc from 'fast-check'

const seconds = Number(process.env.TANDEM_PROPERTY_SECONDS ?? 10)

/**
 * vitest's timeout for a test that checks a property: its time limit, plus room for the run
 * under way when the limit falls and for the test's own set-up on a busy machine.
 */
export const PROPERTY_TEST_TIMEOUT = (seconds + 30) * 1000

/**
 * Checks `property` for `runs` runs or `TANDEM_PROPERTY_SECONDS`, whichever ends first; throws
 * fast-check's report (seed, path, counterexample) on a failure.
 *
 * @example
 * it('converges', () => checkProperty(fc.property(ops, (o) => { … }), 500), PROPERTY_TEST_TIMEOUT)
 */
export async function checkProperty<Ts>(
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  runs: number,
): Promise<void> {
  const seed = process.env.TANDEM_PROPERTY_SEED
  const numRuns = Number(process.env.TANDEM_PROPERTY_RUNS ?? runs)
  const details = await fc.check(property as fc.IRawProperty<Ts>, {
    numRuns,
    plugins: [fc.interruptAfterTimeLimit(seconds * 1000)],
    ...(seed ? { seed: Number(seed), path: process.env.TANDEM_PROPERTY_PATH } : {}),
  })
  if (details.failed)
    throw new Error(await fc.asyncDefaultReportMessage(details), { cause: details.errorInstance })
  if (details.interrupted)
    console.info(
      `property stopped at its ${seconds} s limit after ${details.numRuns} of ${numRuns} runs`,
    )
}
