import { useEffect, useState } from 'react'

/**
 * The current time, refreshed every `intervalMs`.
 *
 * @example
 *   const now = useNow(1000) // a countdown that ticks each second
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
