import { useEffect, useId, useState } from 'react';

/** Search that waits for a pause in typing, so each keystroke does not query 120,000 rows. */
export function SearchBox({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => text !== value && onChange(text), 250);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && onChange(text)}
      />
    </div>
  );
}
