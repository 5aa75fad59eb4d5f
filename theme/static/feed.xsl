<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an Atom or RSS feed of this site as a readable page when someone opens it
  in a browser: what a feed is, how to subscribe, and the latest items.
  Feed readers ignore it. Browsers only apply it from the feed's own origin, so
  the feeds point to it with a root-relative address (see plugins/feeds/README.md).
  XSLT 1.0 only: that is all browsers run.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>

  <!-- The site's folder, from this stylesheet's own address ("/theme/feed.xsl" gives "/"),
       so the page finds the site's stylesheet wherever the site is served. -->
  <xsl:variable name="stylesheet-pi" select="/processing-instruction('xml-stylesheet')[contains(., 'feed.xsl')][1]"/>
  <xsl:variable name="stylesheet-href" select="substring-before(substring-after($stylesheet-pi, 'href=&quot;'), '&quot;')"/>
  <xsl:variable name="site-root">
    <xsl:choose>
      <xsl:when test="contains($stylesheet-href, 'theme/')"><xsl:value-of select="substring-before($stylesheet-href, 'theme/')"/></xsl:when>
      <xsl:otherwise>/</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="is-atom" select="boolean(/atom:feed)"/>
  <xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>
  <xsl:variable name="subtitle" select="/atom:feed/atom:subtitle | /rss/channel/description"/>
  <xsl:variable name="feed-url" select="/atom:feed/atom:link[@rel='self']/@href | /rss/channel/atom:link[@rel='self']/@href"/>
  <xsl:variable name="home" select="/atom:feed/atom:link[@rel='alternate']/@href | /rss/channel/link"/>

  <xsl:template match="/">
    <html lang="en-GB"><!-- screen readers pick British English pronunciation -->
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/><!-- never block pinch-zoom (WCAG 1.4.4) -->
        <title>News feed: <xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="{$site-root}theme/css/main.css"/>
      </head>
      <body>
        <!-- Skip link first in the tab order (WCAG 2.4.1) -->
        <a class="pcc-skip-link" href="#main-content">Skip to main content</a>
        <header class="pcc-header">
          <div class="pcc-header__inner pcc-width-container">
            <a class="pcc-header__home" href="{$site-root}">
              <span class="pcc-header__mark" aria-hidden="true">PCC</span><!-- decorative: the words beside it say the same -->
              <span class="pcc-header__name">Hertfordshire Police and Crime Commissioner</span>
            </a>
          </div>
          <div class="pcc-emergency">
            <p class="pcc-emergency__text pcc-width-container">
              <strong>In an emergency call <a href="tel:999">999</a>.</strong>
              For non-emergencies call <a href="tel:101">101</a> or report online at <a href="https://www.herts.police.uk/">herts.police.uk</a>.
              Deaf or speech-impaired: Relay UK <a href="tel:18001101">18001 101</a> (<a href="tel:18000">18000</a> in an emergency).
            </p>
          </div>
        </header>
        <div class="pcc-width-container">
          <!-- tabindex=-1 lets the skip link move focus into main -->
          <main id="main-content" class="pcc-main" tabindex="-1">
            <h1 class="pcc-heading-xl"><span class="pcc-caption">News feed</span> <xsl:value-of select="$title"/></h1>
            <p class="pcc-lead"><xsl:value-of select="$subtitle"/></p>
            <div class="pcc-feed-help">
              <h2 class="pcc-heading-m">What is this page?</h2>
              <p>This is a news feed (also called an RSS or Atom feed). A feed reader app checks it for you and shows each new item as it is published, so you do not have to keep visiting the website.</p>
              <h2 class="pcc-heading-m">How to subscribe</h2>
              <ol class="pcc-feed-help__steps">
                <li>Copy this address: <code class="pcc-feed-help__address"><xsl:value-of select="$feed-url"/></code></li>
                <li>Paste it into your feed reader (for example Feedly, Inoreader, NetNewsWire or Thunderbird), where it says "add feed" or "subscribe".</li>
              </ol>
              <p>It is free, and you can stop at any time by removing the feed from your reader.</p>
            </div>
            <h2 class="pcc-heading-l">Latest items in this feed</h2>
            <ul class="pcc-content-list">
              <xsl:apply-templates select="/atom:feed/atom:entry | /rss/channel/item"/>
            </ul>
            <p><a href="{$home}">Go to the Commissioner's website</a></p>
          </main>
        </div>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry | item">
    <xsl:variable name="link" select="atom:link[@rel='alternate']/@href | link"/>
    <li class="pcc-content-list__item">
      <h3 class="pcc-content-list__title"><a href="{$link}"><xsl:value-of select="atom:title | title"/></a></h3>
      <p class="pcc-content-list__meta">
        <xsl:choose>
          <xsl:when test="atom:published">
            <time datetime="{substring(atom:published, 1, 10)}"><xsl:call-template name="iso-date"><xsl:with-param name="value" select="atom:published"/></xsl:call-template></time>
          </xsl:when>
          <xsl:when test="pubDate"><xsl:call-template name="rfc822-date"><xsl:with-param name="value" select="pubDate"/></xsl:call-template></xsl:when>
        </xsl:choose>
      </p>
      <p class="pcc-content-list__summary">
        <xsl:variable name="summary" select="(atom:summary | atom:content)[1] | description"/>
        <!-- RSS carries the whole article: its first paragraph is the summary. -->
        <xsl:call-template name="strip-tags">
          <xsl:with-param name="html">
            <xsl:choose>
              <xsl:when test="contains($summary, '&lt;/p&gt;')"><xsl:value-of select="substring-before($summary, '&lt;/p&gt;')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$summary"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </p>
    </li>
  </xsl:template>

  <!-- Summaries are HTML written as text: show their words without the tags. -->
  <xsl:template name="strip-tags">
    <xsl:param name="html"/>
    <xsl:choose>
      <xsl:when test="contains($html, '&lt;')">
        <xsl:call-template name="unescape-amp"><xsl:with-param name="text" select="substring-before($html, '&lt;')"/></xsl:call-template>
        <xsl:call-template name="strip-tags">
          <xsl:with-param name="html" select="substring-after(substring-after($html, '&lt;'), '&gt;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="unescape-amp"><xsl:with-param name="text" select="$html"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Words of HTML keep "&amp;" for "&" (as in "A&amp;E"): show the character. -->
  <xsl:template name="unescape-amp">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&amp;amp;')">
        <xsl:value-of select="substring-before($text, '&amp;amp;')"/>
        <xsl:text>&amp;</xsl:text>
        <xsl:call-template name="unescape-amp"><xsl:with-param name="text" select="substring-after($text, '&amp;amp;')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 2017-05-24T00:00:00+01:00 -> 24 May 2017 -->
  <xsl:template name="iso-date">
    <xsl:param name="value"/>
    <xsl:value-of select="number(substring($value, 9, 2))"/>
    <xsl:text> </xsl:text>
    <xsl:call-template name="month-name"><xsl:with-param name="number" select="number(substring($value, 6, 2))"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($value, 1, 4)"/>
  </xsl:template>

  <!-- Wed, 24 May 2017 00:00:00 +0100 -> 24 May 2017 -->
  <xsl:template name="rfc822-date">
    <xsl:param name="value"/>
    <xsl:variable name="date" select="normalize-space(substring-after($value, ','))"/>
    <xsl:value-of select="number(substring-before($date, ' '))"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring-before(substring-after('|Jan:January|Feb:February|Mar:March|Apr:April|May:May|Jun:June|Jul:July|Aug:August|Sep:September|Oct:October|Nov:November|Dec:December|', concat('|', substring(substring-after($date, ' '), 1, 3), ':')), '|')"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring(substring-after(substring-after($date, ' '), ' '), 1, 4)"/>
  </xsl:template>

  <xsl:template name="month-name">
    <xsl:param name="number"/>
    <xsl:value-of select="substring-before(substring-after('|1January|2February|3March|4April|5May|6June|7July|8August|9September|10October|11November|12December|', concat('|', $number)), '|')"/>
  </xsl:template>
</xsl:stylesheet>
