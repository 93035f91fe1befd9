// Within the rules: React, and shared/ code that both sides agree on.
import { useState } from 'react';
import { METHOD_NAMES } from '../../../shared/contract/index.js';

export function MethodCount() {
  const [count] = useState(METHOD_NAMES.length);
  return <span>{count}</span>;
}
