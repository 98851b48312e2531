import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';
import { cleanup } from '@testing-library/vue';
import { afterEach } from 'vitest';

// the files run in parallel, and a busy machine can take longer than the default second to render a page
configure({ asyncUtilTimeout: 3000 });

afterEach(() => cleanup());
