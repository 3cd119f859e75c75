import { useSession } from '../api/session';

const FORMAT: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** A moment in the reader's time zone (their account's, else the browser's), with the machine value kept. */
export function Time({ iso }: { iso: string }) {
  const timeZone = useSession().data?.timeZone;
  let text: string;
  try {
    text = new Intl.DateTimeFormat(undefined, { ...FORMAT, timeZone }).format(new Date(iso));
  } catch {
    // An unknown zone name must not break the page: fall back to the browser's zone.
    text = new Intl.DateTimeFormat(undefined, FORMAT).format(new Date(iso));
  }
  return <time dateTime={iso}>{text}</time>;
}
