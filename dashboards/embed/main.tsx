/**
 * The embed page's entry (a second entry of the web build, see vite.config.ts): the design tokens, the page and
 * component styles, and the embed app. None of the app shell, its router or its session.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../marketplace/ui/styles/tokens.css';
import '../../marketplace/ui/styles/base.css';
import '../../marketplace/ui/components/components.css';
import './embed.css';
import { EmbedApp } from './EmbedApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbedApp />
  </StrictMode>,
);
